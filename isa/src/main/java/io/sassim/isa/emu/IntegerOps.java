package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Operand;
import io.sassim.isa.sass.SpecialRegisterOperand;
import java.util.List;

/**
 * Integer and logic instructions and their uniform twins (sass-semantics.md §1, §3): IADD3, the
 * IMAD family, LEA, LOP3/PLOP3, SHF, ISETP, SEL, min/max, bit counting and fields, PRMT,
 * P2R/R2P, dot products, moves and special-register reads.
 */
final class IntegerOps {
  private IntegerOps() {}

  static final long MASK32 = 0xFFFFFFFFL;

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    String op = in.opcode();
    boolean u = Decoder.isUniform(in) && !op.equals("UPLOP3");
    String base = op.startsWith("U") && !op.equals("UPLOP3") ? op.substring(1) : op;
    if (op.equals("UPLOP3")) {
      base = "PLOP3";
    }
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    switch (base) {
      case "MOV":
        return new Mov(in, g, u, d.dst(o.get(0)), d.src(o.get(1)));
      case "IADD3":
        return iadd3(d, in, g, u);
      case "IMAD":
        return imad(d, in, g, u);
      case "LEA":
        return lea(d, in, g, u);
      case "LOP3":
        return lop3(d, in, g, u);
      case "PLOP3":
        return new Plop3(in, g, d.pred(o.get(0)), d.pred(o.get(1)), d.pred(o.get(2)), d.pred(o.get(3)),
            d.pred(o.get(4)), Decoder.intImmediate(o.get(5)), Decoder.intImmediate(o.get(6)), op.startsWith("U"));
      case "SHF":
        return new Shf(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.src(o.get(3)),
            Decoder.has(in, "L"), Decoder.has(in, "W"), Decoder.has(in, "HI"),
            Decoder.has(in, "U64") || Decoder.has(in, "S64"), Decoder.has(in, "S32") || Decoder.has(in, "S64"));
      case "ISETP":
        return isetp(d, in, g, u);
      case "SEL":
        return new Sel(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.pred(o.get(3)));
      case "IMNMX":
        return new MinMax(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.pred(o.get(3)),
            !Decoder.has(in, "U32"));
      case "VIMNMX":
        return new MinMax(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.pred(o.get(3)),
            Decoder.has(in, "S32") || !Decoder.has(in, "U32"));
      case "VIADD":
        if (in.modifiers().isEmpty()) {
          return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), Unary.ADD);
        }
        if (in.hasModifier("16x2")) {
          return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), Unary.ADD16X2);
        }
        return null;
      case "VIADDMNMX":
        return new AddMinMax(in, g, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.src(o.get(3)),
            d.pred(o.get(4)), !in.hasModifier("U32"));
      case "VABSDIFF4":
        if (in.hasModifier("U8") && in.modifiers().size() == 1) {
          return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), Unary.ABSDIFF_U8X4);
        }
        return null;
      case "IABS":
        return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), null, Unary.ABS);
      case "POPC":
        return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), null, Unary.POPC);
      case "BREV":
        return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), null, Unary.BREV);
      case "FLO": {
        int mode = Decoder.has(in, "U32") ? Unary.FLO_U : Unary.FLO_S;
        if (Decoder.has(in, "SH")) {
          mode = mode == Unary.FLO_U ? Unary.FLO_U_SH : Unary.FLO_S_SH;
        }
        return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), null, mode);
      }
      case "SGXT":
        return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)),
            (Decoder.has(in, "U32") ? Unary.SGXT_U : Unary.SGXT_S) | (Decoder.has(in, "W") ? Unary.WRAP : 0));
      case "BMSK":
        return new Unary(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)),
            Unary.BMSK | (Decoder.has(in, "W") ? Unary.WRAP : 0));
      case "PRMT":
        return prmt(d, in, g, u);
      case "P2R":
        return new P2R(in, g, u, d.dst(o.get(0)), d.src(o.get(2)), Decoder.intImmediate(o.get(3)), byteSelect(in));
      case "R2P":
        return new R2P(in, g, u, d.src(o.get(1)), Decoder.intImmediate(o.get(2)), byteSelect(in));
      case "IDP":
        return idp(d, in, g);
      case "VABSDIFF":
        if (in.modifiers().isEmpty() || (in.modifiers().size() == 1 && Decoder.has(in, "U32"))) {
          return new AbsDiff(in, g, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.src(o.get(3)),
              Decoder.has(in, "U32"));
        }
        return null;
      case "S2R":
      case "CS2R":
      case "S2UR":
        return specialRegister(d, in, g, base);
      case "R2UR":
        if (Decoder.isPredicate(o.get(0))) {
          return new R2UR(in, g, d.pred(o.get(0)), d.dst(o.get(1)), d.src(o.get(2)));
        }
        return new R2UR(in, g, null, d.dst(o.get(0)), d.src(o.get(1)));
      default:
        return null;
    }
  }

  private static int byteSelect(Instruction in) {
    return in.hasModifier("B1") ? 1 : in.hasModifier("B2") ? 2 : in.hasModifier("B3") ? 3 : 0;
  }

  // ---------------------------------------------------------------- MOV

  static final class Mov extends LaneOp {
    private final Dst d;
    private final Src a;

    Mov(Instruction in, Pred g, boolean u, Dst d, Src a) {
      super(in, g, u);
      this.d = d;
      this.a = a;
    }

    @Override
    void lane(Warp w, int lane) {
      d.set(w, lane, a.get(w, lane));
    }
  }

  // ---------------------------------------------------------------- IADD3

  private static Op iadd3(Decoder d, Instruction in, Pred g, boolean u) throws NotSupported {
    List<Operand> o = in.operands();
    Dst dst = d.dst(o.get(0));
    int i = 1;
    Pred c0 = null;
    Pred c1 = null;
    if (Decoder.isPredicate(o.get(i))) {
      c0 = d.pred(o.get(i++));
      if (Decoder.isPredicate(o.get(i))) {
        c1 = d.pred(o.get(i++));
      }
    }
    Src a = d.src(o.get(i));
    Src b = d.src(o.get(i + 1));
    Src c = d.src(o.get(i + 2));
    boolean x = in.hasModifier("X");
    Pred in0 = null;
    Pred in1 = null;
    if (x) {
      in0 = d.pred(o.get(i + 3));
      in1 = o.size() > i + 4 ? d.pred(o.get(i + 4)) : null;
    }
    return new Iadd3(in, g, u, dst, c0, c1, a, b, c, x, in0, in1);
  }

  static final class Iadd3 extends LaneOp {
    private final Dst d;
    private final Pred c0;
    private final Pred c1;
    private final Src a;
    private final Src b;
    private final Src c;
    private final boolean x;
    private final Pred in0;
    private final Pred in1;

    Iadd3(Instruction in, Pred g, boolean u, Dst d, Pred c0, Pred c1, Src a, Src b, Src c, boolean x,
        Pred in0, Pred in1) {
      super(in, g, u);
      this.d = d;
      this.c0 = c0;
      this.c1 = c1;
      this.a = a;
      this.b = b;
      this.c = c;
      this.x = x;
      this.in0 = in0;
      this.in1 = in1;
    }

    @Override
    void lane(Warp w, int lane) {
      long sum = term(a, w, lane) + term(b, w, lane) + term(c, w, lane);
      if (x) {
        sum += (in0.get(w, lane) ? 1 : 0) + (in1 != null && in1.get(w, lane) ? 1 : 0);
      }
      d.set(w, lane, (int) sum);
      if (c0 != null) {
        c0.set(w, lane, sum >= (1L << 32));
      }
      if (c1 != null) {
        c1.set(w, lane, sum >= (1L << 33));
      }
    }

    /** A source in the wide sum: {@code -x} adds {@code ~x + 1}, {@code ~x} adds {@code ~x}. */
    private static long term(Src s, Warp w, int lane) {
      long v = s.get(w, lane) & MASK32;
      if (s.inv) {
        v = ~v & MASK32;
      }
      if (s.neg) {
        v = (~v & MASK32) + 1;
      }
      return v;
    }
  }

  static long wideTerm(Src s, Warp w, int lane) {
    long v = s.get(w, lane) & MASK32;
    if (s.inv) {
      v = ~v & MASK32;
    }
    if (s.neg) {
      v = (~v & MASK32) + 1;
    }
    return v;
  }

  // ---------------------------------------------------------------- IMAD

  private static Op imad(Decoder d, Instruction in, Pred g, boolean u) throws NotSupported {
    List<Operand> o = in.operands();
    Dst dst = d.dst(o.get(0));
    int i = 1;
    Pred carryOut = null;
    if (Decoder.isPredicate(o.get(i))) {
      carryOut = d.pred(o.get(i++));
    }
    Src a = d.src(o.get(i));
    Src b = d.src(o.get(i + 1));
    Src c = d.src(o.get(i + 2));
    Pred carryIn = in.hasModifier("X") && o.size() > i + 3 ? d.pred(o.get(i + 3)) : null;
    int mode = in.hasModifier("WIDE") ? Imad.WIDE : in.hasModifier("HI") ? Imad.HI : Imad.LO;
    return new Imad(in, g, u, dst, carryOut, a, b, c, carryIn, mode, !in.hasModifier("U32"));
  }

  static final class Imad extends LaneOp {
    static final int LO = 0;
    static final int WIDE = 1;
    static final int HI = 2;
    private final Dst d;
    private final Pred carryOut;
    private final Src a;
    private final Src b;
    private final Src c;
    private final Pred carryIn;
    private final int mode;
    private final boolean signed;

    Imad(Instruction in, Pred g, boolean u, Dst d, Pred carryOut, Src a, Src b, Src c, Pred carryIn,
        int mode, boolean signed) {
      super(in, g, u);
      this.d = d;
      this.carryOut = carryOut;
      this.a = a;
      this.b = b;
      this.c = c;
      this.carryIn = carryIn;
      this.mode = mode;
      this.signed = signed;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = a.intValue(w, lane);
      int y = b.intValue(w, lane);
      int cin = carryIn != null && carryIn.get(w, lane) ? 1 : 0;
      if (mode == LO) {
        int cv = c.get(w, lane);
        if (c.inv) {
          cv = ~cv;
        }
        if (c.neg) {
          cv = -cv;
        }
        d.set(w, lane, x * y + cv + cin);
        return;
      }
      long prod = signed ? (long) x * y : (x & MASK32) * (y & MASK32);
      long addend = c.get64(w, lane);
      if (c.inv) {
        addend = ~addend;
      }
      if (c.neg) {
        addend = -addend;
      }
      long sum = prod + addend + cin;
      if (mode == WIDE) {
        d.set64(w, lane, sum);
        if (carryOut != null) {
          carryOut.set(w, lane, Long.compareUnsigned(sum, addend) < 0
              || (cin != 0 && sum == addend));
        }
      } else {
        // The high word of the 64-bit sum; a signed product fits in 64 bits, so bits 63..32 are
        // right for both signednesses.
        d.set(w, lane, (int) (sum >>> 32));
      }
    }
  }

  // ---------------------------------------------------------------- LEA

  private static Op lea(Decoder d, Instruction in, Pred g, boolean u) throws NotSupported {
    List<Operand> o = in.operands();
    Dst dst = d.dst(o.get(0));
    int i = 1;
    Pred carryOut = null;
    if (Decoder.isPredicate(o.get(i))) {
      carryOut = d.pred(o.get(i++));
    }
    boolean hi = in.hasModifier("HI");
    boolean sx = in.hasModifier("SX32");
    Src a = d.src(o.get(i++));
    Src b = d.src(o.get(i++));
    Src c = hi && !sx ? d.src(o.get(i++)) : null;
    int shift = Decoder.intImmediate(o.get(i++));
    Pred carryIn = in.hasModifier("X") && o.size() > i ? d.pred(o.get(i)) : null;
    return new Lea(in, g, u, dst, carryOut, a, b, c, shift, carryIn, hi && sx);
  }

  static final class Lea extends LaneOp {
    private final Dst d;
    private final Pred carryOut;
    private final Src a;
    private final Src b;
    private final Src c;
    private final int shift;
    private final Pred carryIn;
    /** LEA.HI.SX32: the high word is the sign extension of A. */
    private final boolean signExtend;

    Lea(Instruction in, Pred g, boolean u, Dst d, Pred carryOut, Src a, Src b, Src c, int shift, Pred carryIn,
        boolean signExtend) {
      super(in, g, u);
      this.signExtend = signExtend;
      this.d = d;
      this.carryOut = carryOut;
      this.a = a;
      this.b = b;
      this.c = c;
      this.shift = shift;
      this.carryIn = carryIn;
    }

    @Override
    void lane(Warp w, int lane) {
      int av = a.get(w, lane);
      if (a.inv) {
        av = ~av;
      }
      long t;
      if (c != null || signExtend) {
        int cv = signExtend ? av >> 31 : c.get(w, lane);
        if (c != null && c.inv) {
          cv = ~cv;
        }
        long x = ((long) cv << 32) | (av & MASK32);
        t = (x >>> (32 - shift)) & MASK32;
      } else {
        t = ((long) av << shift) & MASK32;
      }
      if (a.neg) {
        t = (~t & MASK32) + 1;
      }
      long sum = t + wideTerm(b, w, lane) + (carryIn != null && carryIn.get(w, lane) ? 1 : 0);
      d.set(w, lane, (int) sum);
      if (carryOut != null) {
        carryOut.set(w, lane, sum >= (1L << 32));
      }
    }
  }

  // ---------------------------------------------------------------- LOP3

  private static Op lop3(Decoder d, Instruction in, Pred g, boolean u) throws NotSupported {
    List<Operand> o = in.operands();
    int i = 0;
    Pred pd = null;
    if (Decoder.isPredicate(o.get(0))) {
      pd = d.pred(o.get(i++));
    }
    Dst dst = d.dst(o.get(i));
    return new Lop3(in, g, u, pd, dst, d.src(o.get(i + 1)), d.src(o.get(i + 2)), d.src(o.get(i + 3)),
        Decoder.intImmediate(o.get(i + 4)) & 0xFF);
  }

  /** The 8-bit truth table applied bitwise: index = a·4 + b·2 + c (A ↔ 0xF0, B ↔ 0xCC, C ↔ 0xAA). */
  static int lut(int lut, int a, int b, int c) {
    switch (lut) {
      case 0xC0:
        return a & b;
      case 0xFC:
        return a | b;
      case 0x3C:
        return a ^ b;
      case 0x96:
        return a ^ b ^ c;
      case 0xFE:
        return a | b | c;
      case 0x80:
        return a & b & c;
      case 0xE2:
        return (b & a) | (~b & c);
      case 0xF8:
        return a | (b & c);
      case 0xEA:
        return (a & b) | c;
      case 0x33:
        return ~b;
      case 0x0F:
        return ~a;
      case 0xF0:
        return a;
      case 0xCC:
        return b;
      case 0xAA:
        return c;
      default:
        int r = 0;
        for (int i = 0; i < 8; i++) {
          if ((lut & (1 << i)) != 0) {
            r |= ((i & 4) != 0 ? a : ~a) & ((i & 2) != 0 ? b : ~b) & ((i & 1) != 0 ? c : ~c);
          }
        }
        return r;
    }
  }

  static final class Lop3 extends LaneOp {
    private final Pred pd;
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final int table;

    Lop3(Instruction in, Pred g, boolean u, Pred pd, Dst d, Src a, Src b, Src c, int table) {
      super(in, g, u);
      this.pd = pd;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.table = table;
    }

    @Override
    void lane(Warp w, int lane) {
      int r = lut(table, a.intValue(w, lane), b.intValue(w, lane), c.intValue(w, lane));
      d.set(w, lane, r);
      if (pd != null) {
        pd.set(w, lane, r != 0);
      }
    }
  }

  static final class Plop3 extends Op {
    private final Pred d0;
    private final Pred d1;
    private final Pred a;
    private final Pred b;
    private final Pred c;
    private final int lut0;
    private final int lut1;
    private final boolean uniform;

    Plop3(Instruction in, Pred g, Pred d0, Pred d1, Pred a, Pred b, Pred c, int lut0, int lut1, boolean uniform) {
      super(in, g);
      this.d0 = d0;
      this.d1 = d1;
      this.a = a;
      this.b = b;
      this.c = c;
      this.lut0 = lut0;
      this.lut1 = lut1;
      this.uniform = uniform;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      for (int m = uniform ? 1 : mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        int i = (a.get(w, lane) ? 4 : 0) | (b.get(w, lane) ? 2 : 0) | (c.get(w, lane) ? 1 : 0);
        d0.set(w, lane, ((lut0 >>> i) & 1) != 0);
        d1.set(w, lane, ((lut1 >>> i) & 1) != 0);
      }
    }
  }

  // ---------------------------------------------------------------- SHF

  static final class Shf extends LaneOp {
    private final Dst d;
    private final Src lo;
    private final Src s;
    private final Src hi;
    private final boolean left;
    private final boolean wrap;
    private final boolean high;
    private final boolean wide;
    private final boolean signed;

    Shf(Instruction in, Pred g, boolean u, Dst d, Src lo, Src s, Src hi, boolean left, boolean wrap,
        boolean high, boolean wide, boolean signed) {
      super(in, g, u);
      this.d = d;
      this.lo = lo;
      this.s = s;
      this.hi = hi;
      this.left = left;
      this.wrap = wrap;
      this.high = high;
      this.wide = wide;
      this.signed = signed;
    }

    @Override
    void lane(Warp w, int lane) {
      d.set(w, lane, shf(lo.intValue(w, lane), s.intValue(w, lane), hi.intValue(w, lane), left, wrap,
          high, wide, signed));
    }
  }

  /** SHF, sass-semantics.md §1.5: a funnel shift of {@code {hi:lo}}. */
  static int shf(int lo, int shiftValue, int hi, boolean left, boolean wrap, boolean high,
      boolean wide, boolean signed) {
    long x = ((long) hi << 32) | (lo & MASK32);
    int width = wide ? 64 : 32;
    long sv = shiftValue & MASK32;
    int sh = wrap ? (int) (sv & (width - 1)) : (int) Math.min(sv, width);
    long y;
    if (left) {
      y = sh >= 64 ? 0 : x << sh;
    } else if (signed) {
      y = x >> Math.min(sh, 63);
    } else {
      y = sh >= 64 ? 0 : x >>> sh;
    }
    return high ? (int) (y >>> 32) : (int) y;
  }

  // ---------------------------------------------------------------- ISETP

  static final int CMP_F = 0;
  static final int CMP_LT = 1;
  static final int CMP_EQ = 2;
  static final int CMP_LE = 3;
  static final int CMP_GT = 4;
  static final int CMP_NE = 5;
  static final int CMP_GE = 6;
  static final int CMP_T = 7;

  static int compareCode(String s) {
    return switch (s) {
      case "F" -> CMP_F;
      case "LT" -> CMP_LT;
      case "EQ" -> CMP_EQ;
      case "LE" -> CMP_LE;
      case "GT" -> CMP_GT;
      case "NE" -> CMP_NE;
      case "GE" -> CMP_GE;
      case "T" -> CMP_T;
      default -> -1;
    };
  }

  /** Boolean operator: 0 AND, 1 OR, 2 XOR, or -1. */
  static int boolOp(Instruction in) {
    return in.hasModifier("AND") ? 0 : in.hasModifier("OR") ? 1 : in.hasModifier("XOR") ? 2 : -1;
  }

  static boolean combine(int bop, boolean x, boolean acc) {
    return switch (bop) {
      case 0 -> x && acc;
      case 1 -> x || acc;
      default -> x ^ acc;
    };
  }

  static boolean compareResult(int cmp, int c) {
    return switch (cmp) {
      case CMP_LT -> c < 0;
      case CMP_EQ -> c == 0;
      case CMP_LE -> c <= 0;
      case CMP_GT -> c > 0;
      case CMP_NE -> c != 0;
      case CMP_GE -> c >= 0;
      case CMP_T -> true;
      default -> false;
    };
  }

  private static Op isetp(Decoder d, Instruction in, Pred g, boolean u) throws NotSupported {
    int cmp = -1;
    for (String m : in.modifiers()) {
      if (compareCode(m) >= 0) {
        cmp = compareCode(m);
      }
    }
    int bop = boolOp(in);
    if (cmp < 0 || bop < 0) {
      throw new NotSupported("compare or boolean operator missing");
    }
    List<Operand> o = in.operands();
    boolean ex = in.hasModifier("EX");
    return new Isetp(in, g, u, d.pred(o.get(0)), d.pred(o.get(1)), d.src(o.get(2)), d.src(o.get(3)),
        d.pred(o.get(4)), ex ? d.pred(o.get(5)) : null, cmp, bop, !in.hasModifier("U32"));
  }

  static final class Isetp extends LaneOp {
    private final Pred p;
    private final Pred q;
    private final Src a;
    private final Src b;
    private final Pred acc;
    private final Pred low;
    private final int cmp;
    private final int bop;
    private final boolean signed;

    Isetp(Instruction in, Pred g, boolean u, Pred p, Pred q, Src a, Src b, Pred acc, Pred low, int cmp,
        int bop, boolean signed) {
      super(in, g, u);
      this.p = p;
      this.q = q;
      this.a = a;
      this.b = b;
      this.acc = acc;
      this.low = low;
      this.cmp = cmp;
      this.bop = bop;
      this.signed = signed;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = a.intValue(w, lane);
      int y = b.intValue(w, lane);
      int c = signed ? Integer.compare(x, y) : Integer.compareUnsigned(x, y);
      boolean r;
      if (low != null && x == y) {
        // .EX: equal high words defer to the low-word result (§1.9).
        r = low.get(w, lane);
      } else {
        r = compareResult(cmp, c);
      }
      boolean accv = acc.get(w, lane);
      boolean pv = combine(bop, r, accv);
      boolean qv = combine(bop, !r, accv);
      p.set(w, lane, pv);
      q.set(w, lane, qv);
    }
  }

  // ---------------------------------------------------------------- SEL, min/max, unary

  static final class Sel extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Pred p;

    Sel(Instruction in, Pred g, boolean u, Dst d, Src a, Src b, Pred p) {
      super(in, g, u);
      this.d = d;
      this.a = a;
      this.b = b;
      this.p = p;
    }

    @Override
    void lane(Warp w, int lane) {
      d.set(w, lane, p.get(w, lane) ? a.intValue(w, lane) : b.intValue(w, lane));
    }
  }

  static final class MinMax extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Pred p;
    private final boolean signed;

    MinMax(Instruction in, Pred g, boolean u, Dst d, Src a, Src b, Pred p, boolean signed) {
      super(in, g, u);
      this.d = d;
      this.a = a;
      this.b = b;
      this.p = p;
      this.signed = signed;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = a.intValue(w, lane);
      int y = b.intValue(w, lane);
      int c = signed ? Integer.compare(x, y) : Integer.compareUnsigned(x, y);
      boolean min = p.get(w, lane);
      d.set(w, lane, (c <= 0) == min ? x : y);
    }
  }

  /** VIADDMNMX Rd, A, B, C, P (sm_90): min (P) or max (!P) of A + B and C. */
  static final class AddMinMax extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final Pred p;
    private final boolean signed;

    AddMinMax(Instruction in, Pred g, Dst d, Src a, Src b, Src c, Pred p, boolean signed) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.p = p;
      this.signed = signed;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = a.intValue(w, lane) + b.intValue(w, lane);
      int y = c.intValue(w, lane);
      int cmp = signed ? Integer.compare(x, y) : Integer.compareUnsigned(x, y);
      d.set(w, lane, (cmp <= 0) == p.get(w, lane) ? x : y);
    }
  }

  static final class Unary extends LaneOp {
    static final int ABS = 0;
    static final int POPC = 1;
    static final int BREV = 2;
    static final int FLO_U = 3;
    static final int FLO_S = 4;
    static final int FLO_U_SH = 5;
    static final int FLO_S_SH = 6;
    static final int SGXT_U = 7;
    static final int SGXT_S = 8;
    static final int BMSK = 9;
    static final int ADD = 10;
    static final int ADD16X2 = 11;
    static final int ABSDIFF_U8X4 = 12;
    static final int WRAP = 0x100;

    private final Dst d;
    private final Src a;
    private final Src b;
    private final int mode;
    private final boolean wrap;

    Unary(Instruction in, Pred g, boolean u, Dst d, Src a, Src b, int mode) {
      super(in, g, u);
      this.d = d;
      this.a = a;
      this.b = b;
      this.mode = mode & 0xFF;
      this.wrap = (mode & WRAP) != 0;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = a.intValue(w, lane);
      int r;
      switch (mode) {
        case ABS -> r = Math.abs(x);
        case POPC -> r = Integer.bitCount(x);
        case BREV -> r = Integer.reverse(x);
        case FLO_U -> r = x == 0 ? -1 : 31 - Integer.numberOfLeadingZeros(x);
        case FLO_U_SH -> r = x == 0 ? -1 : Integer.numberOfLeadingZeros(x);
        case FLO_S, FLO_S_SH -> {
          int v = x < 0 ? ~x : x;
          int idx = v == 0 ? -1 : 31 - Integer.numberOfLeadingZeros(v);
          r = idx < 0 ? -1 : (mode == FLO_S ? idx : 31 - idx);
        }
        case SGXT_U, SGXT_S -> {
          int n = b.intValue(w, lane);
          n = wrap ? n & 31 : (int) Math.min(n & MASK32, 32);
          if (n == 0) {
            r = 0;
          } else if (n >= 32) {
            r = x;
          } else {
            r = mode == SGXT_U ? x & ((1 << n) - 1) : (x << (32 - n)) >> (32 - n);
          }
        }
        case BMSK -> {
          int pos = x;
          int width = b.intValue(w, lane);
          if (wrap) {
            pos &= 31;
            width &= 31;
          } else {
            pos = (int) Math.min(pos & MASK32, 32);
            width = (int) Math.min(width & MASK32, 32);
          }
          long mask = ((1L << width) - 1) << pos;
          r = (int) mask;
        }
        case ADD -> r = x + b.intValue(w, lane);
        case ADD16X2 -> {
          int y = b.intValue(w, lane);
          r = ((x & 0xFFFF0000) + (y & 0xFFFF0000)) | ((x + y) & 0xFFFF);
        }
        case ABSDIFF_U8X4 -> {
          int y = b.intValue(w, lane);
          r = 0;
          for (int k = 0; k < 32; k += 8) {
            r |= Math.abs(((x >>> k) & 0xFF) - ((y >>> k) & 0xFF)) << k;
          }
        }
        default -> throw new AssertionError(mode);
      }
      d.set(w, lane, r);
    }
  }

  // ---------------------------------------------------------------- PRMT

  private static final int[][] PRMT_MODES = {
    {0x3210, 0x4321, 0x5432, 0x6543}, // F4E
    {0x5670, 0x6701, 0x7012, 0x0123}, // B4E
    {0x0000, 0x1111, 0x2222, 0x3333}, // RC8
    {0x3210, 0x3211, 0x3222, 0x3333}, // ECL
    {0x0000, 0x1110, 0x2210, 0x3210}, // ECR
    {0x1010, 0x3232, 0x1010, 0x3232}, // RC16
  };

  private static Op prmt(Decoder d, Instruction in, Pred g, boolean u) throws NotSupported {
    int mode = -1;
    String[] names = {"F4E", "B4E", "RC8", "ECL", "ECR", "RC16"};
    for (int i = 0; i < names.length; i++) {
      if (in.hasModifier(names[i])) {
        mode = i;
      }
    }
    List<Operand> o = in.operands();
    return new Prmt(in, g, u, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.src(o.get(3)), mode);
  }

  static int prmt(int a, int sel, int b, int mode) {
    if (mode >= 0) {
      sel = PRMT_MODES[mode][sel & 3];
    }
    long bytes = ((long) b << 32) | (a & MASK32);
    int r = 0;
    for (int k = 0; k < 4; k++) {
      int n = (sel >>> (4 * k)) & 0xF;
      int v = (int) (bytes >>> (8 * (n & 7))) & 0xFF;
      if ((n & 8) != 0) {
        v = (v & 0x80) != 0 ? 0xFF : 0;
      }
      r |= v << (8 * k);
    }
    return r;
  }

  static final class Prmt extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src sel;
    private final Src b;
    private final int mode;

    Prmt(Instruction in, Pred g, boolean u, Dst d, Src a, Src sel, Src b, int mode) {
      super(in, g, u);
      this.d = d;
      this.a = a;
      this.sel = sel;
      this.b = b;
      this.mode = mode;
    }

    @Override
    void lane(Warp w, int lane) {
      d.set(w, lane, prmt(a.intValue(w, lane), sel.intValue(w, lane), b.intValue(w, lane), mode));
    }
  }

  // ---------------------------------------------------------------- P2R / R2P

  static final class P2R extends LaneOp {
    private final Dst d;
    private final Src a;
    private final int mask;
    private final int shift;
    private final boolean uniform;

    P2R(Instruction in, Pred g, boolean u, Dst d, Src a, int mask, int byteSel) {
      super(in, g, u);
      this.d = d;
      this.a = a;
      this.mask = mask & 0x7F;
      this.shift = 8 * byteSel;
      this.uniform = u;
    }

    @Override
    void lane(Warp w, int lane) {
      int bits = 0;
      for (int i = 0; i < 7; i++) {
        boolean v = uniform ? ((w.up >>> i) & 1) != 0 : ((w.p[i] >>> lane) & 1) != 0;
        if (v) {
          bits |= 1 << i;
        }
      }
      int r = (a.intValue(w, lane) & ~(mask << shift)) | ((bits & mask) << shift);
      d.set(w, lane, r);
    }
  }

  static final class R2P extends LaneOp {
    private final Src a;
    private final int mask;
    private final int shift;
    private final Pred[] predicates = new Pred[7];

    R2P(Instruction in, Pred g, boolean u, Src a, int mask, int byteSel) {
      super(in, g, u);
      this.a = a;
      this.mask = mask & 0x7F;
      this.shift = 8 * byteSel;
      for (int i = 0; i < 7; i++) {
        predicates[i] = new Pred(u, i, false);
      }
    }

    @Override
    void lane(Warp w, int lane) {
      int v = a.intValue(w, lane) >>> shift;
      for (int i = 0; i < 7; i++) {
        if ((mask & (1 << i)) != 0) {
          predicates[i].set(w, lane, ((v >>> i) & 1) != 0);
        }
      }
    }
  }

  // ---------------------------------------------------------------- IDP, VABSDIFF

  private static Op idp(Decoder d, Instruction in, Pred g) throws NotSupported {
    List<Operand> o = in.operands();
    List<String> m = in.modifiers();
    boolean four = m.contains("4A");
    // Modifier order: IDP.4A.<A type>.<B type> or IDP.2A.<LO|HI>.<A type>.<B type>.
    int t = four ? 1 : 2;
    if (m.size() < t + 2) {
      throw new NotSupported("operand types missing");
    }
    boolean aSigned = m.get(t).startsWith("S");
    boolean bSigned = m.get(t + 1).startsWith("S");
    return new Idp(in, g, d.dst(o.get(0)), d.src(o.get(1)), d.src(o.get(2)), d.src(o.get(3)), four,
        m.contains("HI"), aSigned, bSigned);
  }

  static final class Idp extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final boolean four;
    private final boolean high;
    private final boolean aSigned;
    private final boolean bSigned;

    Idp(Instruction in, Pred g, Dst d, Src a, Src b, Src c, boolean four, boolean high, boolean aSigned,
        boolean bSigned) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.four = four;
      this.high = high;
      this.aSigned = aSigned;
      this.bSigned = bSigned;
    }

    @Override
    void lane(Warp w, int lane) {
      int x = a.intValue(w, lane);
      int y = b.intValue(w, lane);
      int sum = c.intValue(w, lane);
      if (four) {
        for (int i = 0; i < 4; i++) {
          sum += field(x, 8 * i, 8, aSigned) * field(y, 8 * i, 8, bSigned);
        }
      } else {
        for (int i = 0; i < 2; i++) {
          sum += field(x, 16 * i, 16, aSigned) * field(y, 8 * (i + (high ? 2 : 0)), 8, bSigned);
        }
      }
      d.set(w, lane, sum);
    }

    private static int field(int v, int at, int bits, boolean signed) {
      int s = v << (32 - at - bits);
      return signed ? s >> (32 - bits) : s >>> (32 - bits);
    }
  }

  static final class AbsDiff extends LaneOp {
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final boolean unsigned;

    AbsDiff(Instruction in, Pred g, Dst d, Src a, Src b, Src c, boolean unsigned) {
      super(in, g, false);
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.unsigned = unsigned;
    }

    @Override
    void lane(Warp w, int lane) {
      long x = unsigned ? a.intValue(w, lane) & MASK32 : a.intValue(w, lane);
      long y = unsigned ? b.intValue(w, lane) & MASK32 : b.intValue(w, lane);
      d.set(w, lane, (int) (Math.abs(x - y) + c.intValue(w, lane)));
    }
  }

  // ---------------------------------------------------------------- special registers

  private static Op specialRegister(Decoder d, Instruction in, Pred g, String base) throws NotSupported {
    List<Operand> o = in.operands();
    if (!(o.get(1) instanceof SpecialRegisterOperand sr)) {
      throw new NotSupported("expected a special register");
    }
    int which = SpecialRegs.code(sr.name());
    if (which < 0) {
      throw new NotSupported("special register " + sr.name() + " is not modelled");
    }
    boolean pair = base.equals("CS2R") && !in.hasModifier("32");
    return new SpecialRegs(in, g, base.equals("S2UR"), d.dst(o.get(0)), which, pair);
  }

  /**
   * R2UR [Pu,] URd, Rs: URd takes the lowest active lane's value; Pu is set in each lane whose
   * value equals it. Compiled code relies on the per-lane answer: in the sm_8x tile vote,
   * {@code R2UR P3, URZ, Rmask ; @!P3 BRA.DIV} must send exactly the lanes of the other tiles to
   * the slow path.
   */
  static final class R2UR extends Op {
    private final Pred p;
    private final Dst d;
    private final Src a;

    R2UR(Instruction in, Pred g, Pred p, Dst d, Src a) {
      super(in, g);
      this.p = p;
      this.d = d;
      this.a = a;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      // The compiler only moves warp-uniform values; take the lowest active lane (§3).
      int v = a.get(w, Integer.numberOfTrailingZeros(mask));
      d.set(w, 0, v);
      if (p != null) {
        for (int m = mask; m != 0; m &= m - 1) {
          int lane = Integer.numberOfTrailingZeros(m);
          p.set(w, lane, a.get(w, lane) == v);
        }
      }
    }
  }
}
