package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Operand;
import java.util.List;

/**
 * Instructions that exchange data among the lanes executing together (sass-semantics.md §7.1-7.4):
 * SHFL, VOTE/VOTEU, MATCH and REDUX. Every source is gathered before any destination is written.
 */
final class WarpOps {
  private WarpOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    switch (in.opcode()) {
      case "SHFL": {
        int mode = in.hasModifier("IDX") ? Shfl.IDX : in.hasModifier("UP") ? Shfl.UP
            : in.hasModifier("DOWN") ? Shfl.DOWN : Shfl.BFLY;
        return new Shfl(in, g, d.pred(o.get(0)), d.dst(o.get(1)), d.src(o.get(2)), d.src(o.get(3)), d.src(o.get(4)), mode);
      }
      case "VOTE":
      case "VOTEU": {
        int mode = in.hasModifier("ALL") ? Vote.ALL : in.hasModifier("EQ") ? Vote.EQ : Vote.ANY;
        Dst dst = null;
        int i = 0;
        if (!Decoder.isPredicate(o.get(0))) {
          dst = d.dst(o.get(i++));
        }
        return new Vote(in, g, dst, d.pred(o.get(i)), d.pred(o.get(i + 1)), mode, in.opcode().equals("VOTEU"));
      }
      case "MATCH": {
        boolean all = in.hasModifier("ALL");
        Pred p = all ? d.pred(o.get(0)) : null;
        int i = all ? 1 : 0;
        return new Match(in, g, p, d.dst(o.get(i)), d.src(o.get(i + 1)), all, in.hasModifier("U64"));
      }
      case "REDUX": {
        int op = in.hasModifier("SUM") ? Redux.SUM : in.hasModifier("MIN") ? Redux.MIN
            : in.hasModifier("MAX") ? Redux.MAX : in.hasModifier("OR") ? Redux.OR
            : in.hasModifier("XOR") ? Redux.XOR : Redux.AND;
        return new Redux(in, g, d.dst(o.get(0)), d.src(o.get(1)), op, in.hasModifier("S32"));
      }
      case "ELECT":
        return new Elect(in, g, d.pred(o.get(0)), d.dst(o.get(1)),
            Decoder.isPredicate(o.get(2)) ? d.pred(o.get(2)) : null, Decoder.isPredicate(o.get(2)) ? null : d.src(o.get(2)));
      case "USETMAXREG":
        // A register-budget hint between warpgroups: functionally the allocation always succeeds.
        return new SetMaxRegisters(in, g, Decoder.isPredicate(o.get(0)) ? d.pred(o.get(0)) : null);
      default:
        return null;
    }
  }

  /**
   * ELECT Pd, URd, Pm|URm (sm_90): elect the lowest executing lane among those with Pm (or in
   * the lane mask URm); URd receives its lane number.
   */
  static final class Elect extends Op {
    private final Pred p;
    private final Dst d;
    private final Pred among;
    private final Src amongMask;

    Elect(Instruction in, Pred g, Pred p, Dst d, Pred among, Src amongMask) {
      super(in, g);
      this.p = p;
      this.d = d;
      this.among = among;
      this.amongMask = amongMask;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      int allowed = among != null ? among.laneMask(w) : amongMask.intValue(w, 0);
      int candidates = mask & allowed;
      int leader = Integer.numberOfTrailingZeros(candidates);
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        p.set(w, lane, lane == leader);
      }
      d.set(w, 0, leader == 32 ? 0 : leader);
    }
  }

  static final class SetMaxRegisters extends Op {
    private final Pred p;

    SetMaxRegisters(Instruction in, Pred g, Pred p) {
      super(in, g);
      this.p = p;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      if (p != null) {
        p.set(w, 0, true);
      }
    }
  }

  static final class Shfl extends Op {
    static final int IDX = 0;
    static final int UP = 1;
    static final int DOWN = 2;
    static final int BFLY = 3;
    private final Pred p;
    private final Dst d;
    private final Src a;
    private final Src b;
    private final Src c;
    private final int mode;
    private final int[] values = new int[32];

    Shfl(Instruction in, Pred g, Pred p, Dst d, Src a, Src b, Src c, int mode) {
      super(in, g);
      this.p = p;
      this.d = d;
      this.a = a;
      this.b = b;
      this.c = c;
      this.mode = mode;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      for (int lane = 0; lane < 32; lane++) {
        values[lane] = a.get(w, lane);
      }
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        int bv = b.intValue(w, lane) & 31;
        int cv = c.intValue(w, lane);
        int clamp = cv & 31;
        int seg = (cv >>> 8) & 31;
        int bound = (lane & seg) | (clamp & ~seg);
        int j;
        boolean valid;
        switch (mode) {
          case IDX -> {
            j = (lane & seg) | (bv & ~seg);
            valid = j <= bound;
          }
          case UP -> {
            j = lane - bv;
            valid = j >= bound;
          }
          case DOWN -> {
            j = lane + bv;
            valid = j <= bound;
          }
          default -> {
            j = lane ^ bv;
            valid = j <= bound;
          }
        }
        if (j < 0 || j > 31) {
          valid = false;
        }
        d.set(w, lane, valid ? values[j] : values[lane]);
        p.set(w, lane, valid);
      }
    }
  }

  static final class Vote extends Op {
    static final int ANY = 0;
    static final int ALL = 1;
    static final int EQ = 2;
    private final Dst d;
    private final Pred pd;
    private final Pred pp;
    private final int mode;
    private final boolean uniform;

    Vote(Instruction in, Pred g, Dst d, Pred pd, Pred pp, int mode, boolean uniform) {
      super(in, g);
      this.d = d;
      this.pd = pd;
      this.pp = pp;
      this.mode = mode;
      this.uniform = uniform;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      int ballot = pp.laneMask(w) & mask;
      boolean r = switch (mode) {
        case ANY -> ballot != 0;
        case ALL -> ballot == mask;
        default -> ballot == 0 || ballot == mask;
      };
      if (uniform) {
        if (d != null) {
          d.set(w, 0, ballot);
        }
        pd.set(w, 0, r);
        return;
      }
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        if (d != null) {
          d.set(w, lane, ballot);
        }
        pd.set(w, lane, r);
      }
    }
  }

  static final class Match extends Op {
    private final Pred p;
    private final Dst d;
    private final Src a;
    private final boolean all;
    private final boolean wide;
    private final long[] values = new long[32];

    Match(Instruction in, Pred g, Pred p, Dst d, Src a, boolean all, boolean wide) {
      super(in, g);
      this.p = p;
      this.d = d;
      this.a = a;
      this.all = all;
      this.wide = wide;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        values[lane] = wide ? a.get64(w, lane) : a.get(w, lane);
      }
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        int same = 0;
        for (int k = mask; k != 0; k &= k - 1) {
          int other = Integer.numberOfTrailingZeros(k);
          if (values[other] == values[lane]) {
            same |= 1 << other;
          }
        }
        if (all) {
          boolean every = same == mask;
          d.set(w, lane, every ? mask : 0);
          p.set(w, lane, every);
        } else {
          d.set(w, lane, same);
        }
      }
    }
  }

  static final class Redux extends Op {
    static final int SUM = 0;
    static final int MIN = 1;
    static final int MAX = 2;
    static final int AND = 3;
    static final int OR = 4;
    static final int XOR = 5;
    private final Dst d;
    private final Src a;
    private final int op;
    private final boolean signed;

    Redux(Instruction in, Pred g, Dst d, Src a, int op, boolean signed) {
      super(in, g);
      this.d = d;
      this.a = a;
      this.op = op;
      this.signed = signed;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      int first = Integer.numberOfTrailingZeros(mask);
      int r = a.get(w, first);
      for (int m = mask & (mask - 1); m != 0; m &= m - 1) {
        int v = a.get(w, Integer.numberOfTrailingZeros(m));
        r = switch (op) {
          case SUM -> r + v;
          case MIN -> signed ? Math.min(r, v) : (Integer.compareUnsigned(r, v) <= 0 ? r : v);
          case MAX -> signed ? Math.max(r, v) : (Integer.compareUnsigned(r, v) >= 0 ? r : v);
          case AND -> r & v;
          case OR -> r | v;
          default -> r ^ v;
        };
      }
      if (d.kind == Dst.UREG) {
        d.set(w, 0, r);
      } else {
        for (int m = mask; m != 0; m &= m - 1) {
          d.set(w, Integer.numberOfTrailingZeros(m), r);
        }
      }
    }
  }
}
