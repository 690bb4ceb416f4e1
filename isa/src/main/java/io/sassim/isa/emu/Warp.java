package io.sassim.isa.emu;

import java.util.Arrays;

/**
 * One warp: its registers, predicates, uniform registers, convergence barriers and one PC per
 * lane, stepped one warp instruction at a time.
 *
 * <p>Scheduling of divergent lanes follows sass-semantics.md §8.3, with two refinements that the
 * H200's per-instruction counts require (docs/emulator.md, "How a launch runs"): a divergent
 * branch runs its taken side first, and lanes run together only while they belong to one
 * group. A branch that splits a group makes a new one; groups join only where BSYNC or WARPSYNC
 * releases them together, never merely by reaching the same PC, so each group that arrives at
 * a BSYNC executes it. When the running group blocks or exits, the lowest PC among the ready
 * lanes goes next. A {@code YIELD} or a taken backward branch while other lanes are ready hands
 * over to the next PC in round-robin order, so a spinning group cannot starve the one holding a
 * lock. Lanes released by WARPSYNC.EXCLUSIVE run only with the lanes of their own mask until
 * they reconverge.
 *
 * <p>The lanes of the current group share {@link #curPc}; their {@link #pc} entries are written
 * back only when the group changes, so straight-line code touches no per-lane PC at all.
 */
public final class Warp {
  /** {@link #step()} executed one warp instruction. */
  public static final int EXECUTED = 0;
  /** No lane is ready: all wait on a CTA barrier (or, in a broken program, on each other). */
  public static final int BLOCKED = 1;
  /** Every lane has exited. */
  public static final int EXITED = 2;

  final Grid grid;
  final ThreadBlock block;
  final int warpInCta;

  /** Registers, register-major: R{n} of lane l at {@code r[n * 32 + l]}. */
  final int[] r;
  /** P0..P6 as lane masks; P7 is PT, always all ones. */
  final int[] p = new int[8];
  final int[] ur = new int[64];
  /** UP0..UP6 as bits; bit 7 is UPT. */
  int up;
  /** Convergence barriers B0..B15 as lane masks. */
  final int[] b = new int[16];
  final int[] pc = new int[32];
  /**
   * Which group each lane belongs to. Lanes run together only while they share a group: a
   * divergent branch makes a new group, and groups join only where a convergence point (BSYNC,
   * WARPSYNC) releases them together, never merely by reaching the same PC.
   */
  final int[] group = new int[32];
  int nextGroup;

  /** Lanes that exited, including lanes beyond the block's thread count. */
  int exited;
  int bsyncWaiting;
  final int[] bsyncWait = new int[16];
  int warpsyncWaiting;
  final int[] warpsyncMask = new int[32];
  /** Waiting lanes that arrived at a WARPSYNC.EXCLUSIVE: once released they run apart. */
  int warpsyncExclusive;
  /**
   * Lanes running apart after WARPSYNC.EXCLUSIVE: such a lane runs only with the lanes of its
   * own mask, {@link #runsWith}, even where other lanes reach the same PC, until it next waits,
   * passes a BSYNC or a plain WARPSYNC, or exits.
   */
  int apart;
  final int[] runsWith = new int[32];
  int barWaiting;
  int barWaitingId;
  /** Result of the last completed barrier reduction, read by B2R.RESULT. */
  int barResult;

  int curMask;
  int curPc;
  boolean switchGroup;

  /** Per-lane addresses of the memory instruction just executed. */
  final long[] addresses = new long[32];
  boolean hasAddresses;

  /** Per-thread local memory, allocated on first use: lane l owns {@code [l*size, (l+1)*size)}. */
  byte[] local;

  Warp(Grid grid, ThreadBlock block, int warpInCta) {
    this.grid = grid;
    this.block = block;
    this.warpInCta = warpInCta;
    this.r = new int[grid.registerCount * 32];
  }

  /** Clears the state for a new CTA; {@code lanes} threads of this warp exist. */
  void reset(int lanes) {
    Arrays.fill(r, 0);
    Arrays.fill(p, 0);
    p[7] = -1;
    Arrays.fill(ur, 0);
    up = 1 << 7;
    Arrays.fill(b, 0);
    Arrays.fill(pc, 0);
    Arrays.fill(group, 0);
    nextGroup = 1;
    exited = lanes == 32 ? 0 : -1 << lanes;
    bsyncWaiting = 0;
    Arrays.fill(bsyncWait, 0);
    warpsyncWaiting = 0;
    warpsyncExclusive = 0;
    apart = 0;
    barWaiting = 0;
    barResult = 0;
    curMask = ~exited;
    curPc = 0;
    switchGroup = false;
    if (local != null) {
      Arrays.fill(local, (byte) 0);
    }
  }

  public int warpInCta() {
    return warpInCta;
  }

  /** Lanes not exited and not waiting. */
  int readyMask() {
    return ~(exited | bsyncWaiting | warpsyncWaiting | barWaiting);
  }

  public boolean isFinished() {
    return exited == -1;
  }

  /**
   * Executes the next warp instruction of this warp, if a lane is ready.
   *
   * @return {@link #EXECUTED}, {@link #BLOCKED} or {@link #EXITED}
   */
  public int step() throws EmulationException {
    int ready = readyMask();
    if (ready == 0) {
      return exited == -1 ? EXITED : BLOCKED;
    }
    chooseGroup(ready);
    int at = curPc;
    int group = curMask;
    Op[] ops = grid.ops;
    int index = at >> 4;
    if (at < 0 || (at & 15) != 0 || index >= ops.length) {
      throw EmulationException.at(grid.kernel, ops[ops.length - 1].instruction, this,
          "control reached PC 0x" + Integer.toHexString(at) + ", outside the kernel's code");
    }
    Op op = ops[index];
    int mask = op.guard == null ? group : group & op.guard.laneMask(this);
    hasAddresses = false;
    if (op.isControl()) {
      op.execute(this, group, mask);
    } else {
      if (mask != 0) {
        op.execute(this, group, mask);
      }
      curPc = at + 16;
    }
    grid.warpInstructions++;
    grid.threadInstructions += Integer.bitCount(mask);
    if (grid.listener != null) {
      grid.report(this, op, at, group, mask);
    }
    return EXECUTED;
  }

  /** Picks the lanes that execute next: the scheduling decision {@link #step()} starts with. */
  private void chooseGroup(int ready) {
    if (curMask == 0 || switchGroup) {
      select(ready);
    }
  }

  /**
   * The PC {@link #step()} will execute next, or -1 when no lane is ready. It makes the
   * scheduling decision step() would make, so a following step() executes exactly this PC
   * unless lanes are released in between; a timing model uses it to look at an instruction
   * (a clock read) before executing it.
   */
  public int nextPc() {
    int ready = readyMask();
    if (ready == 0) {
      return -1;
    }
    chooseGroup(ready);
    return curPc;
  }

  /**
   * The PC at which every live lane waits (normally a CTA barrier, which they leave at this PC +
   * 16), or -1 when a lane is ready, lanes wait at different PCs, or all have exited.
   */
  public int waitingPc() {
    if (exited == -1 || readyMask() != 0) {
      return -1;
    }
    int at = -1;
    for (int m = ~exited; m != 0; m &= m - 1) {
      int v = pc[Integer.numberOfTrailingZeros(m)];
      if (at >= 0 && v != at) {
        return -1;
      }
      at = v;
    }
    return at;
  }

  /** Whether lanes are live but none can execute: all wait, normally at a CTA barrier. */
  public boolean isWaiting() {
    return exited != -1 && readyMask() == 0;
  }

  private void select(int ready) {
    if (curMask != 0) {
      writeBack(curMask, curPc);
    }
    int best = Integer.MAX_VALUE;
    int after = Integer.MAX_VALUE;
    for (int m = ready; m != 0; m &= m - 1) {
      int v = pc[Integer.numberOfTrailingZeros(m)];
      best = Math.min(best, v);
      if (v > curPc) {
        after = Math.min(after, v);
      }
    }
    int chosen = switchGroup && after != Integer.MAX_VALUE ? after : best;
    int first = -1;
    int lanes = 0;
    for (int m = ready; m != 0; m &= m - 1) {
      int lane = Integer.numberOfTrailingZeros(m);
      if (pc[lane] == chosen && (first < 0 || group[lane] == group[first])) {
        first = first < 0 ? lane : first;
        lanes |= 1 << lane;
      }
    }
    curMask = lanes & companions(first);
    curPc = chosen;
    switchGroup = false;
  }

  /** {@code lanes} become one group of their own. */
  void regroup(int lanes) {
    int g = nextGroup++;
    for (int m = lanes; m != 0; m &= m - 1) {
      group[Integer.numberOfTrailingZeros(m)] = g;
    }
  }

  /** {@code lanes} join the group now executing. */
  void join(int lanes) {
    int g = group[Integer.numberOfTrailingZeros(curMask)];
    for (int m = lanes; m != 0; m &= m - 1) {
      group[Integer.numberOfTrailingZeros(m)] = g;
    }
    curMask |= lanes;
  }

  /** The lanes that may execute together with {@code lane}. */
  private int companions(int lane) {
    if (apart == 0) {
      return -1;
    }
    return ((apart >>> lane) & 1) != 0 ? runsWith[lane] & apart : ~apart;
  }

  /** Lanes released from WARPSYNC.EXCLUSIVE run apart, each only with the lanes of its mask. */
  void runApart(int lanes) {
    for (int m = lanes; m != 0; m &= m - 1) {
      int lane = Integer.numberOfTrailingZeros(m);
      runsWith[lane] = warpsyncMask[lane] | (1 << lane);
    }
    apart |= lanes;
  }

  void writeBack(int lanes, int value) {
    for (int m = lanes; m != 0; m &= m - 1) {
      pc[Integer.numberOfTrailingZeros(m)] = value;
    }
  }

  /**
   * The group splits: {@code a} (the lanes that took the branch) goes on at {@code pcA} now;
   * {@code b} becomes a group of its own that waits, ready, at {@code pcB}.
   */
  void split(int a, int pcA, int b, int pcB) {
    if (b == 0) {
      curMask = a;
      curPc = pcA;
    } else if (a == 0) {
      curMask = b;
      curPc = pcB;
    } else {
      writeBack(b, pcB);
      regroup(b);
      curMask = a;
      curPc = pcA;
    }
  }

  /** Lanes of the current group stop at the current PC (they are waiting). */
  void park(int lanes) {
    writeBack(lanes, curPc);
    curMask &= ~lanes;
    apart &= ~lanes;
  }

  /** Lanes terminate: they leave every convergence barrier, which may release waiters. */
  void exit(int lanes) {
    exited |= lanes;
    curMask &= ~lanes;
    apart &= ~lanes;
    for (int x = 0; x < 16; x++) {
      if ((b[x] & lanes) != 0) {
        b[x] &= ~lanes;
        releaseIfComplete(x);
      }
    }
    releaseWarpsync();
  }

  /** Releases the lanes waiting at BSYNC Bx once every member has arrived or exited. */
  void releaseIfComplete(int x) {
    int waiting = bsyncWait[x] & b[x];
    if (waiting != 0 && (b[x] & ~(waiting | exited)) == 0) {
      for (int m = waiting; m != 0; m &= m - 1) {
        pc[Integer.numberOfTrailingZeros(m)] += 16;
      }
      bsyncWait[x] &= ~waiting;
      bsyncWaiting &= ~waiting;
      regroup(waiting);
    }
  }

  /** Releases lanes waiting at WARPSYNC whose masks are now complete. */
  void releaseWarpsync() {
    if (warpsyncWaiting != 0) {
      releaseWarpsync(completeWarpsyncs(warpsyncWaiting));
    }
  }

  /**
   * The lanes of {@code present} (arrived at a WARPSYNC now or waiting at one) that may go on:
   * every live lane of the lane's mask is present with the same mask (PTX bar.warp.sync). Lanes
   * of different tiles name different masks, so each set of lanes is judged by its own.
   */
  int completeWarpsyncs(int present) {
    int go = 0;
    int judged = 0;
    for (int m = present; m != 0; m &= m - 1) {
      int lane = Integer.numberOfTrailingZeros(m);
      if (((judged >>> lane) & 1) != 0) {
        continue;
      }
      int value = warpsyncMask[lane];
      int same = 0;
      for (int k = present; k != 0; k &= k - 1) {
        int other = Integer.numberOfTrailingZeros(k);
        if (warpsyncMask[other] == value) {
          same |= 1 << other;
        }
      }
      judged |= same;
      if ((value & ~exited & ~same) == 0) {
        go |= same;
      }
    }
    return go;
  }

  /** Waiting lanes go on past their WARPSYNC; those that waited at WARPSYNC.EXCLUSIVE run apart. */
  void releaseWarpsync(int lanes) {
    lanes &= warpsyncWaiting;
    for (int m = lanes; m != 0; m &= m - 1) {
      pc[Integer.numberOfTrailingZeros(m)] += 16;
    }
    warpsyncWaiting &= ~lanes;
    regroup(lanes);
    runApart(lanes & warpsyncExclusive);
    warpsyncExclusive &= ~lanes;
  }

  /** Local memory of this warp's threads, allocated on first use. */
  byte[] local() {
    if (local == null) {
      local = new byte[32 * grid.localBytes];
    }
    return local;
  }

  /** Thread index in the block of {@code lane}. */
  int threadIndex(int lane) {
    return warpInCta * 32 + lane;
  }
}
