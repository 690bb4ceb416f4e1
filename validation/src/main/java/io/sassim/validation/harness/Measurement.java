package io.sassim.validation.harness;

import java.util.List;
import java.util.Map;

/**
 * What a runner measured for one case. Runners do not throw: a failure keeps whatever was measured
 * before it and says why in {@code error}.
 *
 * @param hung a kernel was still running at the deadline; the device cannot be used again
 */
record Measurement(
    List<Double> timesMs,
    List<Number> clocks,
    Map<String, String> outputsSha256,
    Integer registers,
    Integer staticSharedBytes,
    Integer localBytes,
    boolean contextReset,
    boolean hung,
    String error) {

  static Measurement failed(String error) {
    return new Measurement(List.of(), List.of(), Map.of(), null, null, null, false, false, error);
  }
}
