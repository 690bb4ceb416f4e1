package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.Kind;
import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Operand;
import java.math.BigDecimal;
import java.util.List;

/**
 * Conversions (sass-semantics.md §1.12): F2I, I2F/I2FP, F2F, F2FP packing and I2I. In a
 * mnemonic, float types name the float side and integer types the integer side; where two of a
 * kind appear (F2F.F32.F64) the destination comes first.
 */
final class ConversionOps {
  private ConversionOps() {}

  static final int S8 = 0;
  static final int U8 = 1;
  static final int S16 = 2;
  static final int U16 = 3;
  static final int S32 = 4;
  static final int U32 = 5;
  static final int S64 = 6;
  static final int U64 = 7;
  static final int F16 = 8;
  static final int BF16 = 9;
  static final int F32 = 10;
  static final int F64 = 11;

  private static int type(String m) {
    return switch (m) {
      case "S8" -> S8;
      case "U8" -> U8;
      case "S16" -> S16;
      case "U16" -> U16;
      case "S32" -> S32;
      case "U32" -> U32;
      case "S64" -> S64;
      case "U64" -> U64;
      case "F16" -> F16;
      case "BF16" -> BF16;
      case "F32" -> F32;
      case "F64" -> F64;
      default -> -1;
    };
  }

  static boolean isFloat(int t) {
    return t >= F16;
  }

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    String op = in.opcode();
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    int floatA = -1;
    int floatB = -1;
    int intA = -1;
    int intB = -1;
    for (String m : in.modifiers()) {
      int t = type(m);
      if (t < 0) {
        continue;
      }
      if (isFloat(t)) {
        if (floatA < 0) {
          floatA = t;
        } else {
          floatB = t;
        }
      } else if (intA < 0) {
        intA = t;
      } else {
        intB = t;
      }
    }
    int mode = Rounding.mode(in);
    boolean ftz = in.hasModifier("FTZ");
    switch (op) {
      case "F2I": {
        int from = floatA < 0 ? F32 : floatA;
        int to = intA < 0 ? S32 : intA;
        return new F2I(in, g, d.dst(o.get(0)), d.src(o.get(1), from == F64 ? Kind.F64 : Kind.F32), from, to, mode, ftz);
      }
      case "I2F":
      case "I2FP": {
        int to = floatA < 0 ? F32 : floatA;
        int from = intA < 0 ? S32 : intA;
        return new I2F(in, g, d.dst(o.get(0)), d.src(o.get(1)), from, to, mode);
      }
      case "F2F": {
        if (floatB < 0) {
          throw new NotSupported("F2F needs destination and source types");
        }
        return new F2F(in, g, d.dst(o.get(0)), d.src(o.get(1), floatB == F64 ? Kind.F64 : Kind.F32), floatB,
            floatA, mode, ftz);
      }
      case "F2FP": {
        boolean e4 = in.hasModifier("E4M3");
        if (e4 || in.hasModifier("E5M2")) {
          return fp8(d, in, g, e4);
        }
        if (!in.hasModifier("PACK_AB")) {
          throw new NotSupported("this F2FP form is not modelled");
        }
        boolean bf = floatA == BF16;
        return new Pack(in, g, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32), bf, mode);
      }
      case "I2I": {
        int to = intA;
        int from = intB < 0 ? S32 : intB;
        if (to < 0) {
          throw new NotSupported("I2I needs a destination type");
        }
        return new I2I(in, g, d.dst(o.get(0)), d.src(o.get(1)), from, to, in.hasModifier("SAT"));
      }
      default:
        return null;
    }
  }

  /** Lowest and highest value of an integer type. */
  static long min(int t) {
    return switch (t) {
      case S8 -> Byte.MIN_VALUE;
      case S16 -> Short.MIN_VALUE;
      case S32 -> Integer.MIN_VALUE;
      case S64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  static long max(int t) {
    return switch (t) {
      case S8 -> Byte.MAX_VALUE;
      case U8 -> 0xFF;
      case S16 -> Short.MAX_VALUE;
      case U16 -> 0xFFFF;
      case S32 -> Integer.MAX_VALUE;
      case U32 -> 0xFFFFFFFFL;
      default -> Long.MAX_VALUE; // S64; U64 handled apart
    };
  }

  /** An integer register value of type {@code t}, sign- or zero-extended. */
  static long integerValue(Src s, Warp w, int lane, int t) {
    int v = s.intValue(w, lane);
    return switch (t) {
      case S8 -> (byte) v;
      case U8 -> v & 0xFF;
      case S16 -> (short) v;
      case U16 -> v & 0xFFFF;
      case U32 -> v & 0xFFFFFFFFL;
      case S64, U64 -> s.get64(w, lane);
      default -> v;
    };
  }

  /** A float source of type {@code t} as a double (modifiers applied). */
  static double floatValue(Src s, Warp w, int lane, int t, boolean ftz) {
    switch (t) {
      case F64:
        return s.doubleValue(w, lane);
      case F16:
      case BF16:
        // The low lane after the swizzle: R.H1 selects the high half.
        return HalfOps.value(HalfOps.lanes(s, w, lane) & 0xFFFF, t == BF16);
      default: {
        float f = s.floatValue(w, lane);
        return ftz ? Rounding.flush(f) : f;
      }
    }
  }

  static final class F2I extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int from;
    private final int to;
    private final int mode;
    private final boolean ftz;

    F2I(Instruction in, Pred g, Dst d, Src a, int from, int to, int mode, boolean ftz) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.from = from;
      this.to = to;
      this.mode = mode;
      this.ftz = ftz;
    }

    @Override
    void lane(Warp w, int lane) {
      double x = floatValue(a, w, lane, from, ftz);
      long r;
      if (x != x) {
        r = 0; // PTX cvt: NaN converts to 0
      } else {
        double i = FloatOps.roundIntegral(x, mode);
        if (to == U64) {
          if (i <= 0) {
            r = 0;
          } else if (i >= 18446744073709551616.0) {
            r = -1L;
          } else {
            r = new BigDecimal(i).toBigInteger().longValue();
          }
        } else {
          long lo = min(to);
          long hi = max(to);
          r = i <= lo ? lo : i >= hi ? hi : (long) i;
        }
      }
      if (to == S64 || to == U64) {
        d.set64(w, lane, r);
      } else {
        d.set(w, lane, (int) r);
      }
    }
  }

  static final class I2F extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int from;
    private final int to;
    private final int mode;

    I2F(Instruction in, Pred g, Dst d, Src a, int from, int to, int mode) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.from = from;
      this.to = to;
      this.mode = mode;
    }

    @Override
    void lane(Warp w, int lane) {
      long v = integerValue(a, w, lane, from);
      boolean wide = from == S64 || from == U64;
      if (to == F64) {
        double r;
        if (!wide) {
          r = v;
        } else {
          r = Rounding.toDouble(exact(v), mode);
        }
        d.set64(w, lane, Double.doubleToRawLongBits(r));
        return;
      }
      if (to == F16 || to == BF16) {
        // Every 32-bit integer is exact in double; a 64-bit one is close enough that rounding
        // to 11 or 8 significant bits cannot be affected.
        double value = wide ? exact(v).doubleValue() : v;
        d.set(w, lane, to == F16 ? HalfPrecision.toF16(value, mode) : HalfPrecision.toBf16(value, mode));
        return;
      }
      float r = wide ? Rounding.toFloat(exact(v), mode) : Rounding.toFloat((double) v, 0, mode);
      d.set(w, lane, Float.floatToRawIntBits(r));
    }

    private BigDecimal exact(long v) {
      return from == U64 ? new BigDecimal(Long.toUnsignedString(v)) : BigDecimal.valueOf(v);
    }
  }

  static final class F2F extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int from;
    private final int to;
    private final int mode;
    private final boolean ftz;

    F2F(Instruction in, Pred g, Dst d, Src a, int from, int to, int mode, boolean ftz) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.from = from;
      this.to = to;
      this.mode = mode;
      this.ftz = ftz;
    }

    @Override
    void lane(Warp w, int lane) {
      double x = floatValue(a, w, lane, from, ftz);
      switch (to) {
        case F64 -> d.set64(w, lane, Double.doubleToRawLongBits(x));
        case F32 -> {
          float f = Rounding.toFloat(x, 0, mode);
          d.set(w, lane, Rounding.bits(ftz ? Rounding.flush(f) : f));
        }
        case F16 -> d.set(w, lane, HalfPrecision.toF16(x, mode));
        default -> d.set(w, lane, HalfPrecision.toBf16(x, mode));
      }
    }
  }

  /** F2FP.PACK_AB Rd, A, B: A to the high half, B to the low half. */
  static final class Pack extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final boolean bf;
    private final int mode;

    Pack(Instruction in, Pred g, Dst d, Src a, Src b, boolean bf, int mode) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.bf = bf;
      this.mode = mode;
    }

    @Override
    void lane(Warp w, int lane) {
      int hi = convert(a.floatValue(w, lane));
      int lo = convert(b.floatValue(w, lane));
      d.set(w, lane, hi << 16 | lo);
    }

    private int convert(float v) {
      return bf ? HalfPrecision.toBf16(v, mode) : HalfPrecision.toF16(v, mode);
    }
  }

  /**
   * The FP8 forms of F2FP (sm_89+) [inferred from the compiler's use]: {@code PACK_AB_MERGE_C Rd,
   * A, B, C.H1} packs two floats (A to the high byte, B to the low byte) into the low 16 bits and
   * keeps the named half of C above them; {@code F16.UNPACK_B_MERGE_C Rd, A, C} does the same
   * from the two halves of A (H1 high); {@code F16.<fp8>.UNPACK_B Rd, A} widens the two low bytes
   * of A to a half pair, exactly.
   */
  private static Op fp8(Decoder d, Instruction in, Pred g, boolean e4m3) throws NotSupported {
    List<Operand> o = in.operands();
    boolean sat = in.hasModifier("SATFINITE");
    if (in.hasModifier("PACK_AB_MERGE_C")) {
      return new Fp8(in, g, Fp8.PACK_FLOATS, d.dst(o.get(0)), d.src(o.get(1), Kind.F32), d.src(o.get(2), Kind.F32),
          d.src(o.get(3)), e4m3, sat);
    }
    if (in.hasModifier("UNPACK_B_MERGE_C")) {
      return new Fp8(in, g, Fp8.PACK_HALVES, d.dst(o.get(0)), d.src(o.get(1)), null, d.src(o.get(2)), e4m3, sat);
    }
    if (in.hasModifier("UNPACK_B")) {
      return new Fp8(in, g, Fp8.UNPACK, d.dst(o.get(0)), d.src(o.get(1)), null, null, e4m3, sat);
    }
    throw new NotSupported("this FP8 form of F2FP is not modelled");
  }

  static final class Fp8 extends LaneOp {
    static final int PACK_FLOATS = 0;
    static final int PACK_HALVES = 1;
    static final int UNPACK = 2;
    private final int form;
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final boolean e4m3;
    private final boolean sat;

    Fp8(Instruction in, Pred g, int form, Dst d, Src a, Src b, Src c, boolean e4m3, boolean sat) {
      super(in, g, false);
      this.form = form;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.e4m3 = e4m3;
      this.sat = sat;
    }

    @Override
    void lane(Warp w, int lane) {
      if (form == UNPACK) {
        int v = a.get(w, lane);
        int lo = HalfPrecision.toF16(HalfPrecision.fromFp8(v & 0xFF, e4m3), Rounding.RN);
        int hi = HalfPrecision.toF16(HalfPrecision.fromFp8((v >>> 8) & 0xFF, e4m3), Rounding.RN);
        d.set(w, lane, hi << 16 | lo);
        return;
      }
      int pair;
      if (form == PACK_FLOATS) {
        pair = HalfPrecision.toFp8(a.floatValue(w, lane), e4m3, sat) << 8
            | HalfPrecision.toFp8(b.floatValue(w, lane), e4m3, sat);
      } else {
        int h = HalfOps.lanes(a, w, lane);
        pair = HalfPrecision.toFp8(HalfOps.value(h >>> 16, false), e4m3, sat) << 8
            | HalfPrecision.toFp8(HalfOps.value(h & 0xFFFF, false), e4m3, sat);
      }
      int keep = HalfOps.lanes(c, w, lane) & 0xFFFF;
      d.set(w, lane, keep << 16 | pair);
    }
  }

  static final class I2I extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int from;
    private final int to;
    private final boolean sat;

    I2I(Instruction in, Pred g, Dst d, Src a, int from, int to, boolean sat) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.from = from;
      this.to = to;
      this.sat = sat;
    }

    @Override
    void lane(Warp w, int lane) {
      long v = integerValue(a, w, lane, from);
      if (sat) {
        v = Math.max(min(to), Math.min(max(to), v));
      }
      int r = switch (to) {
        case S8 -> (byte) v;
        case U8 -> (int) v & 0xFF;
        case S16 -> (short) v;
        case U16 -> (int) v & 0xFFFF;
        default -> (int) v;
      };
      d.set(w, lane, r);
    }
  }
}
