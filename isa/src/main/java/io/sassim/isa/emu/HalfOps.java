package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.Kind;
import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.FloatImmediate;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.IntImmediate;
import io.sassim.isa.sass.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * FP16x2 and BF16x2 instructions (sass-semantics.md §2.8): HADD2, HMUL2, HFMA2 (also .MMA, .F32,
 * .SAT, .RELU), HMNMX2, HSETP2 and HSET2. Each 16-bit lane is computed in double and rounded once
 * to its format. An immediate pair is printed high half first.
 */
final class HalfOps {
  private HalfOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    String op = in.opcode();
    if (!op.equals("HADD2") && !op.equals("HMUL2") && !op.equals("HFMA2") && !op.equals("HMNMX2")
        && !op.equals("HSETP2") && !op.equals("HSET2")) {
      return null;
    }
    boolean bf = in.hasModifier("BF16_V2");
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    // Fold "hi, lo" immediate pairs into one source.
    List<Src> srcs = new ArrayList<>();
    int first = op.equals("HSETP2") ? 2 : 1;
    List<Pred> trailing = new ArrayList<>();
    for (int i = first; i < o.size(); i++) {
      Operand x = o.get(i);
      if (Decoder.isPredicate(x)) {
        trailing.add(d.pred(x));
      } else if (isHalfImmediate(x) && i + 1 < o.size() && isHalfImmediate(o.get(i + 1))) {
        int hi = halfBits(o.get(i), bf);
        int lo = halfBits(o.get(i + 1), bf);
        srcs.add(Src.immediate(hi << 16 | lo));
        i++;
      } else {
        srcs.add(d.src(x, Kind.F32));
      }
    }
    switch (op) {
      case "HADD2":
      case "HMUL2":
      case "HFMA2": {
        int kind = op.equals("HADD2") ? Arith.ADD : op.equals("HMUL2") ? Arith.MUL : Arith.FMA;
        int need = kind == Arith.FMA ? 3 : 2;
        if (srcs.size() != need) {
          throw new NotSupported("expected " + need + " sources");
        }
        return new Arith(in, g, kind, d.dst(o.get(0)), srcs.get(0), srcs.get(1),
            kind == Arith.FMA ? srcs.get(2) : null, bf, in.hasModifier("F32"), in.hasModifier("SAT"),
            in.hasModifier("RELU"));
      }
      case "HMNMX2":
        return new MinMax(in, g, d.dst(o.get(0)), srcs.get(0), srcs.get(1), trailing.get(0), bf, in.hasModifier("NAN"));
      case "HSETP2":
      case "HSET2": {
        int cmp = FloatOps.floatCompareCode(in);
        int bop = IntegerOps.boolOp(in);
        if (cmp < 0 || bop < 0) {
          throw new NotSupported("compare or boolean operator missing");
        }
        if (op.equals("HSETP2")) {
          return new Setp(in, g, d.pred(o.get(0)), d.pred(o.get(1)), srcs.get(0), srcs.get(1), trailing.get(0),
              cmp, bop, bf, in.hasModifier("H_AND"));
        }
        return new Set(in, g, d.dst(o.get(0)), srcs.get(0), srcs.get(1), trailing.get(0), cmp, bop, bf,
            in.hasModifier("BF"));
      }
      default:
        return null;
    }
  }

  private static boolean isHalfImmediate(Operand x) {
    return x instanceof FloatImmediate || x instanceof IntImmediate;
  }

  private static int halfBits(Operand x, boolean bf) {
    double v = x instanceof FloatImmediate f ? f.value() : ((IntImmediate) x).value();
    if (x instanceof FloatImmediate f && Double.isNaN(f.value())) {
      return f.text().startsWith("-") ? 0xFFFF : 0x7FFF;
    }
    return bf ? HalfPrecision.toBf16(v, Rounding.RN) : HalfPrecision.toF16(v, Rounding.RN);
  }

  /** The two 16-bit lanes of a source after its swizzle and sign modifiers, as {lo, hi} bits. */
  static int lanes(Src s, Warp w, int lane) {
    int v = s.get(w, lane);
    switch (s.swizzle) {
      case 1, 4 -> v = (v & 0xFFFF) | (v << 16);
      case 2, 5 -> v = (v >>> 16) | (v & 0xFFFF0000);
      case 3 -> v = (v >>> 16) | (v << 16);
      default -> { }
    }
    if (s.abs) {
      v &= 0x7FFF7FFF;
    }
    if (s.neg) {
      v ^= 0x80008000;
    }
    return v;
  }

  static double value(int bits16, boolean bf) {
    return bf ? HalfPrecision.bf16ToFloat(bits16) : HalfPrecision.f16ToFloat(bits16);
  }

  static int round(double v, boolean bf) {
    return bf ? HalfPrecision.toBf16(v, Rounding.RN) : HalfPrecision.toF16(v, Rounding.RN);
  }

  static final class Arith extends LaneOp {
    static final int ADD = 0;
    static final int MUL = 1;
    static final int FMA = 2;
    private final int kind;
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final boolean bf;
    private final boolean f32;
    private final boolean sat;
    private final boolean relu;

    Arith(Instruction in, Pred g, int kind, Dst d, Src a, Src b, Src c, boolean bf, boolean f32, boolean sat,
        boolean relu) {
      super(in, g, false);
      this.kind = kind;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.bf = bf;
      this.f32 = f32;
      this.sat = sat;
      this.relu = relu;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = lanes(a, w, lane);
      int y = lanes(b, w, lane);
      int z = c == null ? 0 : lanes(c, w, lane);
      if (f32) {
        // HADD2.F32: one FP32 result from the low lanes.
        double r = compute(value(x & 0xFFFF, bf), value(y & 0xFFFF, bf), value(z & 0xFFFF, bf));
        d.set(w, lane, Rounding.bits((float) r));
        return;
      }
      int lo = finish(compute(value(x & 0xFFFF, bf), value(y & 0xFFFF, bf), value(z & 0xFFFF, bf)));
      int hi = finish(compute(value(x >>> 16, bf), value(y >>> 16, bf), value(z >>> 16, bf)));
      d.set(w, lane, hi << 16 | lo);
    }

    private double compute(double x, double y, double z) {
      return switch (kind) {
        case ADD -> x + y;
        case MUL -> x * y;
        default -> Math.fma(x, y, z);
      };
    }

    private int finish(double r) {
      if (sat) {
        r = r != r || r <= 0 ? 0.0 : Math.min(r, 1.0);
      }
      if (relu && (r != r || r < 0)) {
        r = 0.0;
      }
      if (r != r) {
        return 0x7FFF;
      }
      return round(r, bf);
    }
  }

  static final class MinMax extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Pred p;
    private final boolean bf;
    private final boolean nan;

    MinMax(Instruction in, Pred g, Dst d, Src a, Src b, Pred p, boolean bf, boolean nan) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.p = p;
      this.bf = bf;
      this.nan = nan;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = lanes(a, w, lane);
      int y = lanes(b, w, lane);
      boolean min = p.get(w, lane);
      int lo = pick(x & 0xFFFF, y & 0xFFFF, min);
      int hi = pick(x >>> 16, y >>> 16, min);
      d.set(w, lane, hi << 16 | lo);
    }

    private int pick(int x, int y, boolean min) {
      float fx = (float) value(x, bf);
      float fy = (float) value(y, bf);
      float r = FloatOps.minMax(fx, fy, min, nan);
      if (r != r) {
        return 0x7FFF;
      }
      return r == fx && (Float.floatToRawIntBits(r) < 0) == ((x & 0x8000) != 0) ? x : y;
    }
  }

  static final class Setp extends LaneOp {
    private final Pred p;
    private final Pred q;
    private final Src a;
    private final Src b;
    private final Pred acc;
    private final int cmp;
    private final int bop;
    private final boolean bf;
    private final boolean horizontal;

    Setp(Instruction in, Pred g, Pred p, Pred q, Src a, Src b, Pred acc, int cmp, int bop, boolean bf,
        boolean horizontal) {
      super(in, g, false);
      this.p = p;
      this.q = q;
      this.a = a;
      this.b = b;
      this.acc = acc;
      this.cmp = cmp;
      this.bop = bop;
      this.bf = bf;
      this.horizontal = horizontal;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = lanes(a, w, lane);
      int y = lanes(b, w, lane);
      boolean r0 = FloatOps.compare(cmp, value(x & 0xFFFF, bf), value(y & 0xFFFF, bf));
      boolean r1 = FloatOps.compare(cmp, value(x >>> 16, bf), value(y >>> 16, bf));
      boolean accv = acc.get(w, lane);
      if (horizontal) {
        p.set(w, lane, IntegerOps.combine(bop, r0 && r1, accv));
        q.set(w, lane, IntegerOps.combine(bop, !(r0 && r1), accv));
      } else {
        p.set(w, lane, IntegerOps.combine(bop, r0, accv));
        q.set(w, lane, IntegerOps.combine(bop, r1, accv));
      }
    }
  }

  static final class Set extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Pred acc;
    private final int cmp;
    private final int bop;
    private final boolean bf;
    private final int one;

    Set(Instruction in, Pred g, Dst d, Src a, Src b, Pred acc, int cmp, int bop, boolean bf, boolean asFloat) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.acc = acc;
      this.cmp = cmp;
      this.bop = bop;
      this.bf = bf;
      this.one = asFloat ? (bf ? 0x3F80 : 0x3C00) : 0xFFFF;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = lanes(a, w, lane);
      int y = lanes(b, w, lane);
      boolean accv = acc.get(w, lane);
      boolean r0 = IntegerOps.combine(bop, FloatOps.compare(cmp, value(x & 0xFFFF, bf), value(y & 0xFFFF, bf)), accv);
      boolean r1 = IntegerOps.combine(bop, FloatOps.compare(cmp, value(x >>> 16, bf), value(y >>> 16, bf)), accv);
      d.set(w, lane, (r1 ? one << 16 : 0) | (r0 ? one : 0));
    }
  }

  /** MUFU.EX2.F16: 2^x of each half lane. */
  static final class Ex2 extends LaneOp {
    private final Dst d;
    private final Src a;

    Ex2(Instruction in, Pred g, Dst d, Src a) {
      super(in, g, false);
      this.d = d;
      this.a = a;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = lanes(a, w, lane);
      int lo = round(Math.pow(2, value(x & 0xFFFF, false)), false);
      int hi = round(Math.pow(2, value(x >>> 16, false)), false);
      d.set(w, lane, hi << 16 | lo);
    }
  }
}
