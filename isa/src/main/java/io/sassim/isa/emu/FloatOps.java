package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.Kind;
import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Operand;
import java.util.List;

/**
 * FP32 instructions (sass-semantics.md §2.1-2.6): FADD, FMUL, FFMA with their rounding, FTZ and
 * SAT modifiers, FMNMX, FSETP, FSEL, FCHK, FRND and MUFU. FP64 and FP16x2 are in {@link
 * DoubleOps} and {@link HalfOps}.
 *
 * <p>MUFU is computed in double precision and rounded once, so it is correctly rounded (or very
 * nearly) where the hardware is only within a few ulp; docs/emulator.md states the tolerance.
 */
final class FloatOps {
  private FloatOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    switch (in.opcode()) {
      case "FADD":
        return new Arith(in, g, Arith.ADD, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32), null);
      case "FMUL":
        return new Arith(in, g, Arith.MUL, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32), null);
      case "FFMA":
        return new Arith(in, g, Arith.FMA, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32),
            d.src(o.get(3), Kind.F32));
      case "FMNMX":
        return new MinMax(in, g, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32),
            d.pred(o.get(3)), in.hasModifier("NAN"), in.hasModifier("FTZ"));
      case "FSEL":
        return new IntegerOps.Sel(in, g, false, d.dst(o.get(0)), d.src(o.get(1), Kind.F32),
            d.src(o.get(2), Kind.F32), d.pred(o.get(3)));
      case "FSETP":
        return fsetp(d, in, g, false);
      case "FCHK":
        return new Fchk(in, g, d.pred(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32));
      case "FRND":
        if (in.hasModifier("F64")) {
          return new DoubleOps.Round(in, g, d.dst(o.get(0)), d.src(o.get(1), Kind.F64), Rounding.mode(in));
        }
        return new Round(in, g, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), Rounding.mode(in), in.hasModifier("FTZ"));
      case "MUFU":
        return mufu(d, in, g);
      default:
        Op r = DoubleOps.decode(d, in);
        return r != null ? r : HalfOps.decode(d, in);
    }
  }

  // ---------------------------------------------------------------- FADD / FMUL / FFMA

  static final class Arith extends Op {
    static final int ADD = 0;
    static final int MUL = 1;
    static final int FMA = 2;
    private final int kind;
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final int mode;
    private final boolean ftz;
    private final boolean sat;
    /**
     * Round to nearest, no FTZ or SAT, and every operand a plain register or immediate: the
     * common case, run as one tight loop over the register file.
     */
    private final boolean plain;

    Arith(Instruction in, Pred g, int kind, Dst d, Src a, Src b, Src c) {
      super(in, g);
      this.kind = kind;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.mode = Rounding.mode(in);
      this.ftz = in.hasModifier("FTZ");
      this.sat = in.hasModifier("SAT");
      this.plain = mode == Rounding.RN && !ftz && !sat && d.kind == Dst.REG && simple(a) && simple(b)
          && (c == null || simple(c));
    }

    private static boolean simple(Src s) {
      return s.kind == Src.REG || s.kind == Src.IMM;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      if (!plain) {
        for (int m = mask; m != 0; m &= m - 1) {
          lane(w, Integer.numberOfTrailingZeros(m));
        }
        return;
      }
      int[] r = w.r;
      // Per operand: a register base (or -1 for an immediate), and the sign bits to clear and flip.
      int ai = a.kind == Src.REG ? a.index : -1;
      int bi = b.kind == Src.REG ? b.index : -1;
      int ci = c == null || c.kind != Src.REG ? -1 : c.index;
      int av = a.floatBits(w, 0);
      int bv = b.floatBits(w, 0);
      int cv = c == null ? 0 : c.floatBits(w, 0);
      int aAnd = a.abs ? 0x7FFFFFFF : -1;
      int bAnd = b.abs ? 0x7FFFFFFF : -1;
      int cAnd = c != null && c.abs ? 0x7FFFFFFF : -1;
      int aXor = a.neg ? 0x80000000 : 0;
      int bXor = b.neg ? 0x80000000 : 0;
      int cXor = c != null && c.neg ? 0x80000000 : 0;
      int di = d.index;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        float x = Float.intBitsToFloat(ai < 0 ? av : (r[ai + lane] & aAnd) ^ aXor);
        float y = Float.intBitsToFloat(bi < 0 ? bv : (r[bi + lane] & bAnd) ^ bXor);
        float v;
        if (kind == FMA) {
          float z = Float.intBitsToFloat(ci < 0 ? cv : (r[ci + lane] & cAnd) ^ cXor);
          v = Math.fma(x, y, z);
        } else {
          v = kind == ADD ? x + y : x * y;
        }
        r[di + lane] = v != v ? Rounding.CANONICAL_NAN : Float.floatToRawIntBits(v);
      }
    }

    private void lane(Warp w, int lane) {
      float x = a.floatValue(w, lane);
      float y = b.floatValue(w, lane);
      float z = c == null ? 0f : c.floatValue(w, lane);
      if (ftz) {
        x = Rounding.flush(x);
        y = Rounding.flush(y);
        z = Rounding.flush(z);
      }
      float r;
      if (mode == Rounding.RN) {
        r = switch (kind) {
          case ADD -> x + y;
          case MUL -> x * y;
          default -> Math.fma(x, y, z);
        };
      } else {
        double hi;
        double lo;
        switch (kind) {
          case ADD -> {
            hi = (double) x + y;
            lo = Rounding.twoSumError(x, y, hi);
          }
          case MUL -> {
            hi = (double) x * y;
            lo = 0;
          }
          default -> {
            double p = (double) x * y;
            hi = p + z;
            lo = Rounding.twoSumError(p, z, hi);
          }
        }
        r = Rounding.toFloat(hi, lo, mode);
      }
      if (ftz) {
        r = Rounding.flush(r);
      }
      if (sat) {
        r = saturate(r);
      }
      d.set(w, lane, Rounding.bits(r));
    }
  }

  /** .SAT: clamp to [0, 1], NaN to +0. */
  static float saturate(float r) {
    if (r != r || r <= 0f) {
      return 0f;
    }
    return Math.min(r, 1f);
  }

  // ---------------------------------------------------------------- FMNMX

  static final class MinMax extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Pred p;
    private final boolean nan;
    private final boolean ftz;

    MinMax(Instruction in, Pred g, Dst d, Src a, Src b, Pred p, boolean nan, boolean ftz) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.p = p;
      this.nan = nan;
      this.ftz = ftz;
    }

    @Override
    void lane(Warp w, int lane) {
      float x = a.floatValue(w, lane);
      float y = b.floatValue(w, lane);
      if (ftz) {
        x = Rounding.flush(x);
        y = Rounding.flush(y);
      }
      d.set(w, lane, Rounding.bits(minMax(x, y, p.get(w, lane), nan)));
    }
  }

  /** PTX min/max: a lone NaN loses (unless {@code propagateNan}), -0 is below +0. */
  static float minMax(float x, float y, boolean min, boolean propagateNan) {
    boolean xn = x != x;
    boolean yn = y != y;
    if (xn || yn) {
      if (propagateNan || (xn && yn)) {
        return Float.NaN;
      }
      return xn ? y : x;
    }
    if (x == y) {
      boolean xNeg = Float.floatToRawIntBits(x) < 0;
      return min == xNeg ? x : y;
    }
    return (x < y) == min ? x : y;
  }

  // ---------------------------------------------------------------- FSETP

  static final int F_F = 0;
  static final int F_LT = 1;
  static final int F_EQ = 2;
  static final int F_LE = 3;
  static final int F_GT = 4;
  static final int F_NE = 5;
  static final int F_GE = 6;
  static final int F_NUM = 7;
  static final int F_NAN = 8;
  static final int F_LTU = 9;
  static final int F_EQU = 10;
  static final int F_LEU = 11;
  static final int F_GTU = 12;
  static final int F_NEU = 13;
  static final int F_GEU = 14;
  static final int F_T = 15;
  static final int F_MIN = 16;
  static final int F_MAX = 17;

  static int floatCompareCode(Instruction in) {
    String[] names = {"F", "LT", "EQ", "LE", "GT", "NE", "GE", "NUM", "NAN", "LTU", "EQU", "LEU", "GTU",
      "NEU", "GEU", "T", "MIN", "MAX"};
    for (String m : in.modifiers()) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(m)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** A float comparison: ordered codes are false on NaN, the U codes true. */
  static boolean compare(int code, double x, double y) {
    boolean unordered = x != x || y != y;
    return switch (code) {
      case F_LT -> x < y;
      case F_EQ -> x == y;
      case F_LE -> x <= y;
      case F_GT -> x > y;
      case F_NE -> !unordered && x != y;
      case F_GE -> x >= y;
      case F_NUM -> !unordered;
      case F_NAN -> unordered;
      case F_LTU -> unordered || x < y;
      case F_EQU -> unordered || x == y;
      case F_LEU -> unordered || x <= y;
      case F_GTU -> unordered || x > y;
      case F_NEU -> unordered || x != y;
      case F_GEU -> unordered || x >= y;
      case F_T -> true;
      default -> false;
    };
  }

  static Op fsetp(Decoder d, Instruction in, Pred g, boolean dbl) throws NotSupported {
    int cmp = floatCompareCode(in);
    int bop = IntegerOps.boolOp(in);
    if (cmp < 0 || bop < 0) {
      throw new NotSupported("compare or boolean operator missing");
    }
    List<Operand> o = in.operands();
    Kind k = dbl ? Kind.F64 : Kind.F32;
    return new Setp(in, g, d.pred(o.get(0)), d.pred(o.get(1)), d.src(o.get(2), k), d.src(o.get(3), k),
        d.pred(o.get(4)), cmp, bop, dbl, in.hasModifier("FTZ"));
  }

  static final class Setp extends LaneOp {
    private final Pred p;
    private final Pred q;
    private final Src a;
    private final Src b;
    private final Pred acc;
    private final int cmp;
    private final int bop;
    private final boolean dbl;
    private final boolean ftz;

    Setp(Instruction in, Pred g, Pred p, Pred q, Src a, Src b, Pred acc, int cmp, int bop, boolean dbl, boolean ftz) {
      super(in, g, false);
      this.p = p;
      this.q = q;
      this.a = a;
      this.b = b;
      this.acc = acc;
      this.cmp = cmp;
      this.bop = bop;
      this.dbl = dbl;
      this.ftz = ftz;
    }

    @Override
    void lane(Warp w, int lane) {
      double x;
      double y;
      if (dbl) {
        x = a.doubleValue(w, lane);
        y = b.doubleValue(w, lane);
      } else {
        float fx = a.floatValue(w, lane);
        float fy = b.floatValue(w, lane);
        if (ftz) {
          fx = Rounding.flush(fx);
          fy = Rounding.flush(fy);
        }
        x = fx;
        y = fy;
      }
      boolean accv = acc.get(w, lane);
      if (cmp == F_MIN || cmp == F_MAX) {
        // DSETP.MIN/MAX (§2.7): P = "x is the result", Q = "both NaN, quiet the result".
        boolean xn = x != x;
        boolean yn = y != y;
        boolean pick;
        if (xn) {
          pick = false;
        } else if (yn) {
          pick = true;
        } else if (x == y) {
          boolean xNeg = Double.doubleToRawLongBits(x) < 0;
          pick = cmp == F_MIN ? xNeg || Double.doubleToRawLongBits(y) >= 0 : !xNeg || Double.doubleToRawLongBits(y) < 0;
        } else {
          pick = cmp == F_MIN ? x < y : x > y;
        }
        p.set(w, lane, IntegerOps.combine(bop, pick, accv));
        q.set(w, lane, xn && yn);
        return;
      }
      boolean r = compare(cmp, x, y);
      p.set(w, lane, IntegerOps.combine(bop, r, accv));
      q.set(w, lane, IntegerOps.combine(bop, !r, accv));
    }
  }

  // ---------------------------------------------------------------- FCHK

  /**
   * FCHK: true when the fast division path might not give the correctly rounded quotient. The
   * hardware rule is unpublished; this one (sass-semantics.md §2.5) errs towards the slow path,
   * which is exact for every input, so only the executed path can differ from hardware.
   */
  static final class Fchk extends LaneOp {
    private final Pred p;
    private final Src a;
    private final Src b;

    Fchk(Instruction in, Pred g, Pred p, Src a, Src b) {
      super(in, g, false);
      this.p = p;
      this.a = a;
      this.b = b;
    }

    @Override
    void lane(Warp w, int lane) {
      float x = a.floatValue(w, lane);
      float y = b.floatValue(w, lane);
      boolean ok = isNormal(x) && isNormal(y);
      if (ok) {
        int ex = Math.getExponent(x);
        int ey = Math.getExponent(y);
        ok = ey >= -125 && ey <= 125 && ex - ey >= -125 && ex - ey <= 125;
      }
      p.set(w, lane, !ok);
    }

    private static boolean isNormal(float v) {
      return v == v && !Float.isInfinite(v) && Math.abs(v) >= Float.MIN_NORMAL;
    }
  }

  // ---------------------------------------------------------------- FRND

  static final class Round extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int mode;
    private final boolean ftz;

    Round(Instruction in, Pred g, Dst d, Src a, int mode, boolean ftz) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.mode = mode;
      this.ftz = ftz;
    }

    @Override
    void lane(Warp w, int lane) {
      float x = a.floatValue(w, lane);
      if (ftz) {
        x = Rounding.flush(x);
      }
      d.set(w, lane, Rounding.bits((float) roundIntegral(x, mode)));
    }
  }

  /** Round to an integral value, keeping the sign of zero. */
  static double roundIntegral(double x, int mode) {
    double r = switch (mode) {
      case Rounding.RZ -> x < 0 ? Math.ceil(x) : Math.floor(x);
      case Rounding.RM -> Math.floor(x);
      case Rounding.RP -> Math.ceil(x);
      default -> Math.rint(x);
    };
    return r == 0 ? Math.copySign(0.0, x) : r;
  }

  // ---------------------------------------------------------------- MUFU

  private static Op mufu(Decoder d, Instruction in, Pred g) throws NotSupported {
    String[] names = {"RCP", "RSQ", "SQRT", "EX2", "LG2", "SIN", "COS", "TANH", "RCP64H", "RSQ64H"};
    int fn = -1;
    for (int i = 0; i < names.length; i++) {
      if (in.hasModifier(names[i])) {
        fn = i;
      }
    }
    if (fn < 0) {
      throw new NotSupported("MUFU function not modelled");
    }
    if (fn == Mufu.EX2 && in.hasModifier("F16")) {
      return new HalfOps.Ex2(in, g, d.dst(in.operand(0)), d.src(in.operand(1), Kind.F32));
    }
    return new Mufu(in, g, d.dst(in.operand(0)), d.src(in.operand(1), Kind.F32), fn);
  }

  static final class Mufu extends LaneOp {
    static final int RCP = 0;
    static final int RSQ = 1;
    static final int SQRT = 2;
    static final int EX2 = 3;
    static final int LG2 = 4;
    static final int SIN = 5;
    static final int COS = 6;
    static final int TANH = 7;
    static final int RCP64H = 8;
    static final int RSQ64H = 9;
    private final Dst d;
    private final Src a;
    private final int fn;

    Mufu(Instruction in, Pred g, Dst d, Src a, int fn) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.fn = fn;
    }

    @Override
    void lane(Warp w, int lane) {
      if (fn == RCP64H || fn == RSQ64H) {
        // Seed from the high word of a double; low word of the result is zero (§2.6).
        double x = Double.longBitsToDouble((long) a.floatBits(w, lane) << 32);
        if (Math.abs(x) < Double.MIN_NORMAL) {
          x = Math.copySign(0.0, x);
        }
        double r = fn == RCP64H ? 1.0 / x : 1.0 / Math.sqrt(x);
        d.set(w, lane, (int) (Double.doubleToRawLongBits(r) >>> 32));
        return;
      }
      float x = a.floatValue(w, lane);
      if (fn != TANH) {
        x = Rounding.flush(x);
      }
      double r = switch (fn) {
        case RCP -> 1.0f / x;
        case RSQ -> 1.0 / Math.sqrt(x);
        case SQRT -> Math.sqrt(x);
        case EX2 -> Math.pow(2.0, x);
        case LG2 -> x == 0 ? Double.NEGATIVE_INFINITY : Math.log(x) / Math.log(2.0);
        case SIN -> Float.isInfinite(x) ? Double.NaN : Math.sin(2 * Math.PI * (double) x);
        case COS -> Float.isInfinite(x) ? Double.NaN : Math.cos(2 * Math.PI * (double) x);
        default -> Math.tanh(x);
      };
      if (fn == SIN && x == 0) {
        r = x;
      }
      float f = (float) r;
      if (fn != TANH) {
        f = Rounding.flush(f);
      }
      d.set(w, lane, Rounding.bits(f));
    }
  }
}
