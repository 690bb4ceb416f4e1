package io.sassim.validation.capture;

import java.nio.file.Path;
import java.util.List;

/**
 * A hardware capture file read back for comparison (the format in docs/validation.md, "Capture
 * file").
 *
 * @param gpu the device name the harness recorded
 * @param smCount its SM count, or null when the driver did not report it
 * @param smClockMHz the SM clock every case's cycles use
 * @param sourceRevision the sources the capture ran from, or null
 * @param profiled whether Nsight Compute counters were joined to its cases (a kernel case's
 *     cycles are then the profiler's, and its clocks were read under the profiler)
 */
public record Capture(Path file, String gpu, Integer smCount, double smClockMHz,
    String sourceRevision, boolean profiled, List<CapturedCase> cases) {

  public Capture {
    cases = List.copyOf(cases);
  }
}
