package io.sassim.traces.control;

/** What attaching control bits does when the trace and the listing or cubin disagree. */
public enum MismatchPolicy {
  /** Throw an {@code InputException} at the first mismatch: the default, since a wrong listing is a user error. */
  FAIL,
  /**
   * Record each mismatch and leave those instructions without control bits, so the kernel reports
   * {@code hasControlBits() == false} and the simulator uses its scoreboard mode for it.
   */
  REPORT
}
