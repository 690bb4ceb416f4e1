package io.sassim.isa.emu;

import io.sassim.isa.emu.Decoder.NotSupported;
import io.sassim.isa.sass.BranchTarget;
import io.sassim.isa.sass.ConvergenceBarrier;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.IntImmediate;
import io.sassim.isa.sass.Operand;
import io.sassim.isa.sass.RelativeTarget;
import java.util.List;

/**
 * Control flow and convergence (sass-semantics.md §7.5-7.6, §8): branches, calls and returns,
 * exits, the convergence barriers BSSY/BSYNC/BREAK/BMOV, WARPSYNC, CTA barriers and scheduling
 * hints. Each sets the PCs of the lanes it ran for through {@link Warp}.
 */
final class ControlOps {
  private ControlOps() {}

  static Op decode(Decoder d, Instruction in) throws NotSupported {
    List<Operand> o = in.operands();
    Pred g = d.guard(in);
    switch (in.opcode()) {
      case "BRA": {
        if (in.hasModifier("DIV") || in.hasModifier("CONV")) {
          return new ConvergenceBranch(in, g, d.src(o.get(0)), target(o.get(1)), in.hasModifier("DIV"));
        }
        Pred second = o.size() > 1 ? d.pred(o.get(0)) : null;
        return new Branch(in, g, second, target(o.get(o.size() - 1)), in.hasModifier("ANY"));
      }
      case "BRX":
      case "RET":
      case "CALL":
        return jump(d, in, g);
      case "EXIT":
      case "KILL":
        return new Exit(in, g);
      case "BSSY":
        return new Bssy(in, g, barrier(o.get(0)));
      case "BSYNC":
        return new Bsync(in, g, barrier(o.get(0)));
      case "BREAK":
        return new Break(in, g, barrier(o.get(0)));
      case "BMOV":
        if (o.get(0) instanceof ConvergenceBarrier b) {
          return new BarrierMove(in, g, b.index(), null, d.src(o.get(1)), false);
        }
        return new BarrierMove(in, g, barrier(o.get(1)), d.dst(o.get(0)), null, in.hasModifier("CLEAR"));
      case "WARPSYNC": {
        Src mask = in.hasModifier("ALL") || o.isEmpty() ? Src.immediate(-1) : d.src(o.get(0));
        return new WarpSync(in, g, mask, in.hasModifier("EXCLUSIVE"));
      }
      case "BAR":
        return cta(d, in, g);
      case "B2R":
        return new BarrierResult(in, g, d.dst(o.get(0)), o.size() > 1 ? d.pred(o.get(1)) : null);
      case "YIELD":
      case "NANOSLEEP":
        return new Yield(in, g);
      case "BPT":
        return new Trap(in, g);
      default:
        return null;
    }
  }

  private static int target(Operand op) throws NotSupported {
    if (op instanceof BranchTarget t) {
      return t.pc();
    }
    throw new NotSupported("expected a branch target, got " + op.format());
  }

  private static int barrier(Operand op) throws NotSupported {
    if (op instanceof ConvergenceBarrier b) {
      return b.index();
    }
    throw new NotSupported("expected a convergence barrier, got " + op.format());
  }

  /** Base of the control operations. */
  abstract static class Control extends Op {
    Control(Instruction in, Pred g) {
      super(in, g);
    }

    @Override
    final boolean isControl() {
      return true;
    }

    /** All lanes of the group go on to the next instruction. */
    static void next(Warp w) {
      w.curPc += 16;
    }
  }

  // ---------------------------------------------------------------- branches

  static final class Branch extends Control {
    private final Pred second;
    private final int target;
    private final boolean any;

    Branch(Instruction in, Pred g, Pred second, int target, boolean any) {
      super(in, g);
      this.second = second;
      this.target = target;
      this.any = any;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      int taken = second == null ? mask : mask & second.laneMask(w);
      if (any && taken != 0) {
        taken = group;
      }
      int pc = w.curPc;
      w.split(taken, target, group & ~taken, pc + 16);
      if (taken == group && target <= pc && (w.readyMask() & ~group) != 0) {
        w.switchGroup = true; // the whole group loops back while others wait: give them a turn
      }
    }
  }

  /**
   * BRA.DIV / BRA.CONV: branch when the lanes of a mask are not (are) all among the lanes that
   * execute the branch, i.e. in the group with a true guard. The guard matters in the sm_8x
   * tile vote: {@code R2UR P3, URZ, Rmask ; @!P3 BRA.DIV URor, slow} sends the lanes whose mask
   * differs from the lowest lane's to the slow path although the whole warp is converged.
   */
  static final class ConvergenceBranch extends Control {
    private final Src mask;
    private final int target;
    private final boolean onDivergence;

    ConvergenceBranch(Instruction in, Pred g, Src mask, int target, boolean onDivergence) {
      super(in, g);
      this.mask = mask;
      this.target = target;
      this.onDivergence = onDivergence;
    }

    @Override
    void execute(Warp w, int group, int guardMask) {
      int m = mask.intValue(w, Integer.numberOfTrailingZeros(group)) & ~w.exited;
      boolean converged = (m & ~guardMask) == 0;
      int taken = converged != onDivergence ? guardMask : 0;
      w.split(taken, target, group & ~taken, w.curPc + 16);
    }
  }

  private static Op jump(Decoder d, Instruction in, Pred g) throws NotSupported {
    List<Operand> o = in.operands();
    String op = in.opcode();
    if (op.equals("CALL") && in.hasModifier("ABS")) {
      throw new NotSupported("absolute calls go to code outside the listing (relocated, e.g. vprintf)");
    }
    Operand t = o.get(0);
    if (t instanceof BranchTarget bt) {
      return new Jump(in, g, bt.pc(), -1, 0);
    }
    if (t instanceof RelativeTarget rt) {
      int base = rt.base().index() * 32;
      // BRX prints the offset from the next instruction; CALL and RET print it folded (§8.1).
      long offset = op.equals("BRX") ? in.pc() + 16 + rt.offset() : rt.offset();
      return new Jump(in, g, -1, base, (int) offset);
    }
    if (t instanceof IntImmediate) {
      throw new NotSupported("absolute jump targets are not modelled");
    }
    throw new NotSupported("jump target " + t.format());
  }

  /** CALL, RET and BRX: to a fixed PC or to a register plus an offset, per lane. */
  static final class Jump extends Control {
    private final int fixed;
    private final int register;
    private final int offset;

    Jump(Instruction in, Pred g, int fixed, int register, int offset) {
      super(in, g);
      this.fixed = fixed;
      this.register = register;
      this.offset = offset;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      int pc = w.curPc;
      if (fixed >= 0) {
        w.split(mask, fixed, group & ~mask, pc + 16);
        return;
      }
      int first = -1;
      boolean same = true;
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        int t = w.r[register + lane] + offset;
        if (first == -1) {
          first = t;
        } else if (t != first) {
          same = false;
        }
      }
      if (same) {
        w.split(mask, first, group & ~mask, pc + 16);
        return;
      }
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        w.pc[lane] = w.r[register + lane] + offset;
      }
      // Each target's lanes form a group of their own.
      for (int rest = mask; rest != 0; ) {
        int t = w.pc[Integer.numberOfTrailingZeros(rest)];
        int lanes = 0;
        for (int m = rest; m != 0; m &= m - 1) {
          int lane = Integer.numberOfTrailingZeros(m);
          if (w.pc[lane] == t) {
            lanes |= 1 << lane;
          }
        }
        w.regroup(lanes);
        rest &= ~lanes;
      }
      w.writeBack(group & ~mask, pc + 16);
      w.curMask = 0;
    }
  }

  static final class Exit extends Control {
    Exit(Instruction in, Pred g) {
      super(in, g);
    }

    @Override
    void execute(Warp w, int group, int mask) {
      w.curPc += 16;
      w.exit(mask);
    }
  }

  static final class Trap extends Control {
    Trap(Instruction in, Pred g) {
      super(in, g);
    }

    @Override
    void execute(Warp w, int group, int mask) throws EmulationException {
      if (mask != 0) {
        throw fault(w, "the kernel trapped (BPT.TRAP: __trap() or a failed assertion)");
      }
      next(w);
    }
  }

  static final class Yield extends Control {
    Yield(Instruction in, Pred g) {
      super(in, g);
    }

    @Override
    void execute(Warp w, int group, int mask) {
      next(w);
      if ((w.readyMask() & ~group) != 0) {
        w.switchGroup = true;
      }
    }
  }

  // ---------------------------------------------------------------- convergence barriers

  static final class Bssy extends Control {
    private final int x;

    Bssy(Instruction in, Pred g, int x) {
      super(in, g);
      this.x = x;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      w.b[x] = mask; // overwrite, not OR (§8.3)
      next(w);
    }
  }

  static final class Bsync extends Control {
    private final int x;

    Bsync(Instruction in, Pred g, int x) {
      super(in, g);
      this.x = x;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      w.apart &= ~mask; // reconvergence ends WARPSYNC.EXCLUSIVE's groups
      int members = w.b[x];
      int arriving = mask & members;
      if ((members & ~(arriving | w.bsyncWait[x] | w.exited)) == 0) {
        // Everyone is here: release the earlier arrivals and go on together with them. Only
        // lanes still in B[x]: a recursive callee saves its caller's Bx (BMOV.32.CLEAR), reuses
        // it, and restores it before returning, while the caller's lanes wait at this BSYNC.
        int waiting = w.bsyncWait[x] & members;
        for (int m = waiting; m != 0; m &= m - 1) {
          w.pc[Integer.numberOfTrailingZeros(m)] += 16;
        }
        w.bsyncWait[x] &= ~waiting;
        w.bsyncWaiting &= ~waiting;
        w.join(waiting);
        next(w);
        return;
      }
      w.park(arriving);
      w.bsyncWait[x] |= arriving;
      w.bsyncWaiting |= arriving;
      w.curPc += 16; // lanes outside B[x] (or guarded off) continue
    }
  }

  static final class Break extends Control {
    private final int x;

    Break(Instruction in, Pred g, int x) {
      super(in, g);
      this.x = x;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      w.b[x] &= ~mask;
      w.releaseIfComplete(x);
      next(w);
    }
  }

  static final class BarrierMove extends Control {
    private final int x;
    private final Dst d;
    private final Src a;
    private final boolean clear;

    BarrierMove(Instruction in, Pred g, int x, Dst d, Src a, boolean clear) {
      super(in, g);
      this.x = x;
      this.d = d;
      this.a = a;
      this.clear = clear;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      if (mask != 0) {
        if (d != null) {
          for (int m = mask; m != 0; m &= m - 1) {
            d.set(w, Integer.numberOfTrailingZeros(m), w.b[x]);
          }
          if (clear) {
            w.b[x] = 0;
          }
        } else {
          w.b[x] = a.get(w, Integer.numberOfTrailingZeros(mask));
          w.releaseIfComplete(x);
        }
      }
      next(w);
    }
  }

  /**
   * WARPSYNC waits until every live lane of each arriving lane's own mask is there (lanes of
   * different tiles name different masks). With .EXCLUSIVE the lanes released then run apart,
   * one group per mask, so a following VOTE sees only its tile (§7.5); a plain WARPSYNC ends
   * that for the lanes of the group.
   */
  static final class WarpSync extends Control {
    private final Src mask;
    private final boolean exclusive;

    WarpSync(Instruction in, Pred g, Src mask, boolean exclusive) {
      super(in, g);
      this.mask = mask;
      this.exclusive = exclusive;
    }

    @Override
    void execute(Warp w, int group, int guardMask) {
      if (guardMask == 0) {
        next(w);
        return;
      }
      for (int m = guardMask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        w.warpsyncMask[lane] = mask.intValue(w, lane);
      }
      int go = w.completeWarpsyncs(guardMask | w.warpsyncWaiting);
      int released = go & w.warpsyncWaiting;
      w.releaseWarpsync(go);
      int stay = guardMask & ~go;
      w.park(stay);
      w.warpsyncWaiting |= stay;
      if (exclusive) {
        w.warpsyncExclusive |= stay;
      } else {
        w.warpsyncExclusive &= ~stay;
      }
      w.curPc += 16; // the rest of the group goes on
      int here = guardMask & go;
      // The lanes this WARPSYNC released go on with it (split by tile below after .EXCLUSIVE).
      int joining = 0;
      for (int m = here == 0 ? 0 : released; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        if (w.pc[lane] == w.curPc && (exclusive || ((w.apart >>> lane) & 1) == 0)) {
          joining |= 1 << lane;
        }
      }
      if (joining != 0) {
        w.join(joining);
      }
      if (exclusive && here != 0) {
        w.runApart(here);
        w.writeBack(w.curMask, w.curPc);
        w.curMask = 0; // regroup: each mask's lanes form their own group
      } else if (!exclusive) {
        w.apart &= ~w.curMask;
      }
    }
  }

  // ---------------------------------------------------------------- CTA barriers

  private static Op cta(Decoder d, Instruction in, Pred g) throws NotSupported {
    List<Operand> o = in.operands();
    boolean sync = in.hasModifier("SYNC");
    boolean arrive = in.hasModifier("ARV");
    boolean red = in.hasModifier("RED");
    if (!sync && !arrive && !red) {
      throw new NotSupported("barrier form not modelled");
    }
    int kind = !red ? 0 : in.hasModifier("POPC") ? 1 : in.hasModifier("AND") ? 2 : 3;
    Src id = d.src(o.get(0));
    Src count = null;
    Pred p = null;
    for (int i = 1; i < o.size(); i++) {
      if (Decoder.isPredicate(o.get(i))) {
        p = d.pred(o.get(i));
      } else {
        count = d.src(o.get(i));
      }
    }
    return new CtaBarrier(in, g, id, count, p, kind, arrive);
  }

  static final class CtaBarrier extends Control {
    private final Src id;
    private final Src count;
    private final Pred p;
    private final int kind;
    private final boolean arriveOnly;

    CtaBarrier(Instruction in, Pred g, Src id, Src count, Pred p, int kind, boolean arriveOnly) {
      super(in, g);
      this.id = id;
      this.count = count;
      this.p = p;
      this.kind = kind;
      this.arriveOnly = arriveOnly;
    }

    /** BAR.SYNC or BAR.RED of barrier 0, unguarded and without a thread count: all threads. */
    boolean wholeCta() {
      return !arriveOnly && count == null && guard == null && id.isImmediate()
          && (id.get(null, 0) & 15) == 0;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      if (mask == 0) {
        next(w);
        return;
      }
      int lane = Integer.numberOfTrailingZeros(mask);
      int bar = id.intValue(w, lane) & 15;
      int n = count == null ? 0 : count.intValue(w, lane);
      ThreadBlock b = w.block;
      b.arrive(bar, n, mask);
      if (kind != 0) {
        b.redKind[bar] = kind;
        for (int m = mask; m != 0; m &= m - 1) {
          boolean v = p.get(w, Integer.numberOfTrailingZeros(m));
          b.redPopc[bar] += v ? 1 : 0;
          b.redAll[bar] &= v;
          b.redAny[bar] |= v;
        }
      }
      if (arriveOnly) {
        next(w);
        return;
      }
      w.park(mask);
      w.barWaiting |= mask;
      w.barWaitingId = bar;
      w.curPc += 16;
    }
  }

  static final class BarrierResult extends Control {
    private final Dst d;
    private final Pred p;

    BarrierResult(Instruction in, Pred g, Dst d, Pred p) {
      super(in, g);
      this.d = d;
      this.p = p;
    }

    @Override
    void execute(Warp w, int group, int mask) {
      for (int m = mask; m != 0; m &= m - 1) {
        int lane = Integer.numberOfTrailingZeros(m);
        d.set(w, lane, w.barResult);
        if (p != null) {
          p.set(w, lane, w.barResult != 0);
        }
      }
      next(w);
    }
  }
}
