package io.sassim.sim.core;

/**
 * Observes every issued warp instruction, attached from outside the model (tests, tracing).
 * Called in the hot loop: implementations must be cheap.
 */
public interface IssueHook {

  /**
   * @param cycle core cycle of the issue
   * @param sm SM index
   * @param subcore sub-core index
   * @param block linear index of the thread block
   * @param warpInBlock warp index inside the block
   * @param traceIndex position in the warp's trace
   * @param instruction what issued
   */
  void issued(long cycle, int sm, int subcore, long block, int warpInBlock, int traceIndex,
      DecodedInstruction instruction);
}
