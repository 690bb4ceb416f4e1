package io.sassim.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which measurement counts when our H200 captures are validated together: the profiled run's
 * kernel cycles and clocks, each case once, and the warp-instruction counts as their own suite
 * outside the cycle statistics.
 */
class ProfiledCaptureTest {
  private static final Path ROOT = Path.of(System.getProperty("sassim.repoRoot"));
  private static final Path DIR = ROOT.resolve("validation/measurements/nvidia-h200");
  private static final Path PROFILED = DIR.resolve("20261127T140737Z-ncu.json");
  private static final Path FIRST = DIR.resolve("20261127T140544Z.json");
  private static final Path SECOND = DIR.resolve("20261127T140732Z.json");

  @Test
  void theProfiledRunWinsAndRepeatsAreListed() throws Exception {
    MeasurementFiles files = new MeasurementFiles(ROOT);
    files.add(PROFILED);
    files.add(FIRST);
    files.add(SECOND);
    ValidationCase vecadd = only(files, "traces/kernels/vecadd/vecadd");
    assertEquals(5335.0, vecadd.measured(), "gpc__cycles_elapsed.max, not 21,479 by events");
    assertEquals(ValidationCase.KERNEL, vecadd.kind());
    assertTrue(vecadd.note().startsWith("Nsight Compute gpc__cycles_elapsed.max"), vecadd.note());
    // The DRAM chase: cold caches under the profiler (685 cycles a hop), where a plain
    // capture's launch finds the previous launch's lines in L2 (276 a hop).
    ValidationCase dram = only(files,
        "validation/microbench/pointer_chase64/pointer_chase64.dram#clocks[0]");
    assertEquals(2805983.0, dram.measured());
    assertEquals(PROFILED.toString(), dram.source());
    ValidationCase inst = only(files, "traces/kernels/sgemm_tiled/sgemm_tiled#warp-instructions");
    assertEquals(ValidationCase.COUNTER, inst.kind());
    assertEquals("instructions", inst.suite());
    assertEquals(1027072.0, inst.measured());
    // The clock calibration spins for a set time: its instruction count is no model property.
    assertTrue(files.cases().stream().noneMatch(c -> c.id().startsWith(MeasurementFiles.CLOCK_RATE)));
    assertTrue(skipped(files, MeasurementFiles.CLOCK_RATE, PROFILED).reason()
        .startsWith("calibrates the SM clock"));
    SkippedCase plain = skipped(files, "traces/kernels/vecadd/vecadd", FIRST);
    assertTrue(plain.reason().startsWith("measured from cold caches in " + PROFILED), plain.reason());
    assertTrue(plain.reason().endsWith("event timing includes the launch overhead"),
        plain.reason());
    assertTrue(skipped(files, "traces/kernels/vecadd/vecadd", SECOND).reason()
        .startsWith("measured from cold caches"));
  }

  @Test
  void withoutTheProfiledRunTheFirstCaptureCountsAndTheSecondIsARepeat() throws Exception {
    MeasurementFiles files = new MeasurementFiles(ROOT);
    files.add(FIRST);
    files.add(SECOND);
    ValidationCase vecadd = only(files, "traces/kernels/vecadd/vecadd");
    assertEquals(21479.0, vecadd.measured());
    assertEquals("event timing: includes the launch overhead", vecadd.note());
    SkippedCase repeat = skipped(files, "traces/kernels/vecadd/vecadd", SECOND);
    assertEquals("a repeat of " + FIRST + "'s measurement: 19578 here, 21479 there (8.9% apart)",
        repeat.reason());
    // No counters without the profiler.
    assertTrue(files.cases().stream().noneMatch(c -> c.suite().equals("instructions")));
  }

  @Test
  void countersStayOutOfTheCycleStatistics() throws Exception {
    MeasurementFiles files = new MeasurementFiles(ROOT);
    files.add(PROFILED);
    List<ValidationCase> two = files.cases().stream()
        .filter(c -> c.id().startsWith("traces/kernels/vecadd/vecadd")).toList();
    assertEquals(2, two.size());
    GpuConfig gpu = GpuConfigLoader.byName("h200", GpuConfigLoader.defaultConfigsDir());
    CaseSimulator fixed = new CaseSimulator() {
      @Override
      public SimulatedLaunch simulate(GpuConfig g, Path spec) {
        return new SimulatedLaunch(5335 * 2, 40960 / 2,
            Map.of("clocks", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).array()));
      }

      @Override
      public String describe() {
        return "fixed";
      }
    };
    Validation.Outcome outcome = new Validation(gpu, fixed).run(two, List.of(), s -> { });
    ValidationReport report = ValidationReport.of(gpu, "fixed", null, "2026-11-27T00:00:00Z",
        files.inputs(), outcome);
    assertEquals(1, report.overall().cases());
    assertEquals(100.0, report.overall().mape(), 1e-9);
    assertEquals(50.0, report.suites().get("instructions").mape(), 1e-9);
    assertEquals(1, report.cycleResults().size());
    assertTrue(report.summaryLine().endsWith("; warp instructions of 1 launches: MAPE 50.00%"),
        report.summaryLine());
  }

  private static ValidationCase only(MeasurementFiles files, String id) {
    List<ValidationCase> found = files.cases().stream().filter(c -> c.id().equals(id)).toList();
    assertEquals(1, found.size(), id);
    return found.get(0);
  }

  private static SkippedCase skipped(MeasurementFiles files, String id, Path source) {
    Optional<SkippedCase> s = files.skipped().stream()
        .filter(k -> k.id().equals(id) && k.source().equals(source.toString())).findFirst();
    assertNotNull(s.orElse(null), id + " from " + source);
    return s.get();
  }
}
