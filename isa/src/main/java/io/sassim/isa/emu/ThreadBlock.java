package io.sassim.isa.emu;

import io.sassim.isa.launch.Dim3;
import java.util.Arrays;

/**
 * One CTA: its warps, its shared memory and its 16 CTA barriers. Warps run in turn, each until
 * it blocks, exits or uses up its quantum; a barrier completes once every thread that has not
 * exited has arrived (or the named thread count has), sass-semantics.md §7.6.
 */
public final class ThreadBlock {
  /** Warp instructions a warp runs before the next warp gets a turn (spin-wait fairness). */
  private static final int QUANTUM = 4096;
  private static final int BARRIERS = 16;

  final Grid grid;
  final Warp[] warps;
  final byte[] shared;
  int ctaX;
  int ctaY;
  int ctaZ;
  long ctaLinear;
  private int threads;

  /** Threads that arrived at each barrier, with or without waiting. */
  final int[] arrived = new int[BARRIERS];
  /** Thread count named by the instruction, or 0 for all threads of the CTA. */
  final int[] expected = new int[BARRIERS];
  /** Running reduction of BAR.RED: popcount, and, or. */
  final int[] redPopc = new int[BARRIERS];
  final boolean[] redAll = new boolean[BARRIERS];
  final boolean[] redAny = new boolean[BARRIERS];
  /** 0 plain, 1 POPC, 2 AND, 3 OR. */
  final int[] redKind = new int[BARRIERS];

  ThreadBlock(Grid grid) {
    this.grid = grid;
    int warpCount = (int) ((grid.blockDim.volume() + 31) / 32);
    this.warps = new Warp[warpCount];
    for (int w = 0; w < warpCount; w++) {
      warps[w] = new Warp(grid, this, w);
    }
    this.shared = new byte[grid.sharedBytes];
    this.threads = (int) grid.blockDim.volume();
  }

  /** Prepares the block to run CTA {@code linear} (x fastest) of the grid from its first instruction. */
  public void start(long linear) {
    Dim3 g = grid.gridDim;
    ctaLinear = linear;
    ctaX = (int) (linear % g.x());
    ctaY = (int) ((linear / g.x()) % g.y());
    ctaZ = (int) (linear / ((long) g.x() * g.y()));
    Arrays.fill(shared, (byte) 0);
    for (int w = 0; w < warps.length; w++) {
      warps[w].reset(Math.min(32, threads - 32 * w));
    }
    Arrays.fill(arrived, 0);
    Arrays.fill(expected, 0);
    for (int i = 0; i < BARRIERS; i++) {
      resetReduction(i);
    }
  }

  private void resetReduction(int id) {
    redPopc[id] = 0;
    redAll[id] = true;
    redAny[id] = false;
    redKind[id] = 0;
  }

  public Dim3 ctaId() {
    return new Dim3(ctaX, ctaY, ctaZ);
  }

  String ctaIdText() {
    return "(" + ctaX + "," + ctaY + "," + ctaZ + ")";
  }

  public int warpCount() {
    return warps.length;
  }

  public Warp warp(int w) {
    return warps[w];
  }

  /** Runs every warp of the block to completion. */
  public void run() throws EmulationException {
    while (true) {
      boolean progress = false;
      boolean allDone = true;
      for (Warp w : warps) {
        int n = 0;
        while (n < QUANTUM && w.step() == Warp.EXECUTED) {
          n++;
        }
        progress |= n > 0;
        allDone &= w.isFinished();
      }
      if (allDone) {
        return;
      }
      if (!releaseBarriers() && !progress) {
        throw deadlock();
      }
    }
  }

  /** Records arrivals at barrier {@code id}; {@code count} is the named thread count or 0. */
  void arrive(int id, int count, int lanes) {
    arrived[id] += Integer.bitCount(lanes);
    if (count != 0) {
      expected[id] = count;
    }
  }

  /** Completes the barriers whose threads have all arrived; true if any did. */
  public boolean releaseBarriers() {
    boolean any = false;
    int live = 0;
    for (Warp w : warps) {
      live += Integer.bitCount(~w.exited);
    }
    for (int id = 0; id < BARRIERS; id++) {
      if (arrived[id] == 0) {
        continue;
      }
      int need = expected[id] != 0 ? expected[id] : live;
      if (arrived[id] < need) {
        continue;
      }
      int result = switch (redKind[id]) {
        case 1 -> redPopc[id];
        case 2 -> redAll[id] ? 1 : 0;
        case 3 -> redAny[id] ? 1 : 0;
        default -> 0;
      };
      for (Warp w : warps) {
        if (w.barWaiting != 0 && w.barWaitingId == id) {
          for (int m = w.barWaiting; m != 0; m &= m - 1) {
            w.pc[Integer.numberOfTrailingZeros(m)] += 16;
          }
          w.barWaiting = 0;
          w.barResult = result;
        }
      }
      arrived[id] = 0;
      expected[id] = 0;
      resetReduction(id);
      any = true;
    }
    return any;
  }

  /**
   * The error for a block none of whose warps can proceed: names every unfinished warp's exited
   * and waiting lanes. For callers that step warps themselves and find them all waiting with no
   * barrier to release.
   */
  public EmulationException deadlock() {
    StringBuilder b = new StringBuilder("deadlock: no warp can proceed;");
    Warp first = null;
    for (Warp w : warps) {
      if (w.isFinished()) {
        continue;
      }
      if (first == null) {
        first = w;
      }
      b.append(String.format(" warp %d: exited %08x, at BSYNC %08x, at WARPSYNC %08x, at BAR %08x;",
          w.warpInCta, w.exited, w.bsyncWaiting, w.warpsyncWaiting, w.barWaiting));
    }
    int lane = Integer.numberOfTrailingZeros(~first.exited);
    int at = first.pc[lane];
    return EmulationException.at(grid.kernel, grid.ops[Math.min(at >> 4, grid.ops.length - 1)].instruction,
        first, b.toString());
  }
}
