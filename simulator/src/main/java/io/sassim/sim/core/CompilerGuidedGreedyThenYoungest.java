package io.sassim.sim.core;

/**
 * CGGTY (paper §5.1.2): keep issuing the warp that issued last while it is ready; otherwise the
 * youngest ready warp. The compiler's stall counts, yields and dependence counters decide when
 * the greedy warp gives way.
 */
final class CompilerGuidedGreedyThenYoungest implements IssueScheduler {

  @Override
  public int select(int readyMask, int count, int lastIssued) {
    if (lastIssued >= 0 && (readyMask & (1 << lastIssued)) != 0) {
      return lastIssued;
    }
    return Integer.numberOfTrailingZeros(readyMask);
  }
}
