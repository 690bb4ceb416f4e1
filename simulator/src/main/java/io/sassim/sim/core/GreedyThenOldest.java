package io.sassim.sim.core;

/** GTO, the classic GPGPU-Sim policy: the last warp while ready, else the oldest ready. */
final class GreedyThenOldest implements IssueScheduler {

  @Override
  public int select(int readyMask, int count, int lastIssued) {
    if (lastIssued >= 0 && (readyMask & (1 << lastIssued)) != 0) {
      return lastIssued;
    }
    return 31 - Integer.numberOfLeadingZeros(readyMask);
  }
}
