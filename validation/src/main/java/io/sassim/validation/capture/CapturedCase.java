package io.sassim.validation.capture;

import java.util.List;
import java.util.Map;

/**
 * One case of a hardware capture, as far as a comparison with the simulator needs it.
 *
 * @param caseId the spec path relative to the repository, without {@code .launch.yaml}
 * @param spec the launch spec relative to the repository root
 * @param kind {@code kernel} or {@code microbench}
 * @param arch the target whose binary ran, e.g. {@code sm_90}
 * @param cycles the median kernel time in SM cycles; null when the case failed
 * @param clocks a microbenchmark's clocks buffer after the run; empty for a kernel
 * @param error why the case failed on the GPU, or null
 * @param counters Nsight Compute metrics of the case's launches (docs/validation.md, "Hardware
 *     counters"); empty unless counters were joined to the capture
 * @param line the line of the case in the capture file, for messages
 */
public record CapturedCase(
    String caseId,
    String spec,
    String kind,
    String arch,
    Long cycles,
    List<Double> clocks,
    String error,
    Map<String, Double> counters,
    int line) {

  public static final String KERNEL = "kernel";
  public static final String MICROBENCH = "microbench";

  public CapturedCase {
    clocks = List.copyOf(clocks);
    counters = Map.copyOf(counters);
  }

  public boolean failed() {
    return error != null;
  }
}
