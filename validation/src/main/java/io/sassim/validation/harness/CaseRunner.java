package io.sassim.validation.harness;

/** Runs one prepared launch: on the GPU, or not at all for a dry run. */
interface CaseRunner {

  /** @param deadlineNanos {@link System#nanoTime()} by which the case must give up */
  Measurement run(PreparedLaunch launch, long deadlineNanos);

  /** A runner that touches no CUDA: the case is prepared and recorded, nothing is timed. */
  CaseRunner DRY = (launch, deadline) -> Measurement.failed(null);
}
