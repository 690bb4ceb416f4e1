package io.sassim.sim.core;

/**
 * The policy that picks which ready warp of a sub-core issues (paper §5.1.2). Warps are passed
 * youngest first; bit i of {@code readyMask} says whether warp i can issue this cycle.
 */
public interface IssueScheduler {

  /**
   * @param readyMask non-zero set of ready warps, bit i for the i-th youngest
   * @param count warps resident
   * @param lastIssued index of the warp that issued last, or -1
   * @return the index to issue
   */
  int select(int readyMask, int count, int lastIssued);

  /** The policy named in the config: {@code cggty}, {@code gto} or {@code lrr}. */
  static IssueScheduler named(String name) {
    return switch (name) {
      case "cggty" -> new CompilerGuidedGreedyThenYoungest();
      case "gto" -> new GreedyThenOldest();
      case "lrr" -> new LooseRoundRobin();
      default -> throw new IllegalArgumentException("unknown issue scheduler " + name);
    };
  }
}
