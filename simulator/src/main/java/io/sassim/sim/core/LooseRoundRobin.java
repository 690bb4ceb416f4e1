package io.sassim.sim.core;

/** Loose round robin: the first ready warp after the one that issued last, wrapping around. */
final class LooseRoundRobin implements IssueScheduler {

  @Override
  public int select(int readyMask, int count, int lastIssued) {
    int start = lastIssued + 1;
    int after = start >= 32 ? 0 : readyMask & (-1 << start);
    return Integer.numberOfTrailingZeros(after != 0 ? after : readyMask);
  }
}
