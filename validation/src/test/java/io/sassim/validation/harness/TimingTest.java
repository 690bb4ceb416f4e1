package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, Timing.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Timing.median(List.of(4.0, 1.0, 3.0, 2.0)));
    assertEquals(7.0, Timing.median(List.of(7.0)));
    assertTrue(Double.isNaN(Timing.median(List.of())));
  }

  @Test
  void millisecondsToCyclesAtTheMeasuredClock() {
    assertEquals(1_980_000, Timing.cycles(1.0, 1980.0));
    assertEquals(24_750, Timing.cycles(0.0125, 1980.0));
    assertEquals(3, Timing.cycles(0.002, 1.5));
  }

  @Test
  void clockFromCycleAndNanosecondDeltas() {
    // 3,960,000 cycles in 2 ms is 1980 MHz.
    assertEquals(1980.0, Timing.mhz(3_960_000, 2_000_000), 1e-9);
  }

  @Test
  void finalProvenanceRecomputesCycles() {
    CaptureReport.CaseRecord r = new CaptureReport.CaseRecord("c", "c.launch.yaml", "kernel", "k",
        "sm_90", "k.sm_90.cubin", "00", null, new int[] {1, 1, 1}, new int[] {1, 1, 1}, 0, 1,
        List.of(), null, null, null, List.of(0.5, 0.25, 1.0), 0.5, 1L, List.of(), Map.of(), null,
        1.0, false, null);
    CaptureReport.Provenance p =
        new CaptureReport.Provenance("GPU", 132, 1800.0, "clock_rate kernel", "580.1", "13.0");
    CaptureReport.CaseRecord measured = r.withProvenance(p);
    assertEquals(900_000L, measured.cycles());
    assertEquals(p, measured.provenance());
    assertNull(r.withProvenance(null).cycles());
  }
}
