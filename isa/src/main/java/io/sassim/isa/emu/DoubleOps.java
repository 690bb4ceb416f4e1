package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.Kind;
import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Operand;
import java.util.List;

/** FP64 instructions on register pairs (sass-semantics.md §2.7): DADD, DMUL, DFMA, DSETP, FRND.F64. */
final class DoubleOps {
  private DoubleOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    switch (in.opcode()) {
      case "DADD":
        return new Arith(in, g, Arith.ADD, d.dst(o.get(0)), d.src(o.get(1), Kind.F64), d.src(o.get(2), Kind.F64), null);
      case "DMUL":
        return new Arith(in, g, Arith.MUL, d.dst(o.get(0)), d.src(o.get(1), Kind.F64), d.src(o.get(2), Kind.F64), null);
      case "DFMA":
        return new Arith(in, g, Arith.FMA, d.dst(o.get(0)), d.src(o.get(1), Kind.F64), d.src(o.get(2), Kind.F64),
            d.src(o.get(3), Kind.F64));
      case "DSETP":
        return FloatOps.fsetp(d, in, g, true);
      default:
        return null;
    }
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
    private final int mode;

    Arith(Instruction in, Pred g, int kind, Dst d, Src a, Src b, Src c) {
      super(in, g, false);
      this.kind = kind;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.mode = Rounding.mode(in);
    }

    @Override
    void lane(Warp w, int lane) {
      double x = a.doubleValue(w, lane);
      double y = b.doubleValue(w, lane);
      double r;
      switch (kind) {
        case ADD -> {
          r = x + y;
          if (mode != Rounding.RN && !Double.isInfinite(r)) {
            r = Rounding.toDouble(r, Rounding.twoSumError(x, y, r), mode);
          }
        }
        case MUL -> {
          r = x * y;
          if (mode != Rounding.RN && !Double.isInfinite(r) && r != 0) {
            r = Rounding.toDouble(r, Math.fma(x, y, -r), mode);
          }
        }
        default -> r = Rounding.fma(x, y, c.doubleValue(w, lane), mode);
      }
      d.set64(w, lane, Double.doubleToRawLongBits(r));
    }
  }

  static final class Round extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int mode;

    Round(Instruction in, Pred g, Dst d, Src a, int mode) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.mode = mode;
    }

    @Override
    void lane(Warp w, int lane) {
      d.set64(w, lane, Double.doubleToRawLongBits(FloatOps.roundIntegral(a.doubleValue(w, lane), mode)));
    }
  }
}
