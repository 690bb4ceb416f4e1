package io.sassim.validate;

import java.nio.file.Path;

/**
 * One measured number to reproduce in simulation.
 *
 * @param id the case's name in the report: the capture's case id, with {@code #clocks[i]} for one
 *     clock of a microbenchmark, or {@code quantity @ gpu} for a reference value
 * @param suite the group it is summarised in (see docs/validation.md, "How cases map to
 *     simulations")
 * @param kind {@code kernel} (cycles of the whole launch), {@code microbench} (one clock delta)
 *     or {@code counter} (a profiler count of the whole launch; reported by suite, outside the
 *     cycle statistics)
 * @param spec the launch spec to simulate
 * @param architecture the target whose binary was measured, e.g. {@code sm_90a}; null when the
 *     source does not say (the config's own target is simulated)
 * @param clock index into the spec's clocks buffer; -1 for a kernel case
 * @param divideBy what that clock delta spans; the compared value is {@code clocks[clock] /
 *     divideBy}
 * @param measured the measured value
 * @param unit {@code cycles} (SM clock cycles), or for a counter what it counts
 * @param source the file the measurement came from
 * @param citation where a published value comes from; null for our own captures
 * @param note how the measured value was derived, when not read as is (a range's midpoint)
 */
public record ValidationCase(
    String id,
    String suite,
    String kind,
    Path spec,
    String architecture,
    int clock,
    int divideBy,
    double measured,
    String unit,
    String source,
    String citation,
    String note) {

  public static final String KERNEL = "kernel";
  public static final String MICROBENCH = "microbench";
  public static final String COUNTER = "counter";

  /** Whether the case counts towards the cycle statistics (MAPE of cycles). */
  public boolean isCycles() {
    return !kind.equals(COUNTER);
  }
}
