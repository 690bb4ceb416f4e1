package io.sassim.validation.reference;

import java.util.List;

/**
 * One published measurement and the microbenchmark that reproduces it.
 *
 * @param value the value the source reports; null when it reports only a range
 * @param min lower end of the range the source reports (over footprints on one plateau, or over
 *     runs); null with {@code max} when it reports a single value
 * @param max upper end of that range
 * @param unit always {@code cycles} (SM clock cycles) for now
 * @param smClockMHz the SM clock the source states for the measurement; null when not stated
 * @param microbenchmark the case id of the launch spec that reproduces it, e.g.
 *     {@code validation/microbench/pointer_chase/pointer_chase.l1}
 * @param clock index into the spec's clocks buffer
 * @param divideBy what that clock delta spans (dependent loads or operations)
 * @param grade provenance grade: A authors' raw data, B third party's raw data, C quoted second-hand
 * @param note how the source's method differs from the microbenchmark's, or null
 */
public record ReferenceValue(
    Quantity quantity,
    Double value,
    Double min,
    Double max,
    String unit,
    Double smClockMHz,
    String microbenchmark,
    int clock,
    int divideBy,
    String grade,
    String note,
    Citation citation) {

  /** The spec file of {@link #microbenchmark}, relative to the repository root. */
  public String launchSpec() {
    return microbenchmark + ".launch.yaml";
  }

  /** This quantity as a capture measured it: {@code clocks[clock] / divideBy}. */
  public double reading(List<? extends Number> clocks) {
    return clocks.get(clock).doubleValue() / divideBy;
  }
}
