package io.sassim.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small capture of four measured numbers against simulated values fixed by a test simulator, so
 * every statistic can be worked out by hand (below) and compared with what the report says.
 *
 * <pre>
 * case                       measured  simulated  error   APE
 * vecadd (kernel cycles)         1000       1100   +100   10 %
 * saxpy (kernel cycles)          2000       1500   -500   25 %
 * reduce_sum (kernel cycles)     4000       4000      0    0 %
 * alu_latency clocks[1]           100        120    +20   20 %
 * alu_latency clocks[0]             0   (skipped: no percentage error of a zero measurement)
 * transpose                    failed   (skipped: the case failed on the GPU)
 *
 * MAPE    = (10 + 25 + 0 + 20) / 4 = 13.75 %
 * max APE = 25 %
 * RMSE    = sqrt((100^2 + 500^2 + 0^2 + 20^2) / 4) = sqrt(260400 / 4) = sqrt(65100) = 255.14702
 * Pearson: mean measured = 7100 / 4 = 1775, mean simulated = 6720 / 4 = 1680
 *   deviations measured  dx = -775,  225, 2225, -1675
 *   deviations simulated dy = -580, -180, 2320, -1560
 *   sum dx*dy = 449500 - 40500 + 5162000 + 2613000 = 8184000
 *   sum dx^2  = 600625 + 50625 + 4950625 + 2805625 = 8407500
 *   sum dy^2  = 336400 + 32400 + 5382400 + 2433600 = 8184800
 *   r = 8184000 / sqrt(8407500 * 8184800) = 8184000 / 8295402.7 = 0.986571
 * suite "kernels": MAPE (10 + 25 + 0) / 3 = 11.6667 %; suite "alu_latency": MAPE 20 %, no Pearson
 * </pre>
 */
class HandComputedFixtureTest {

  private static final String CAPTURE = """
      {
        "schema": "sassim-hardware-capture",
        "schemaVersion": 1,
        "dryRun": false,
        "complete": true,
        "sourceRevision": "fixture",
        "gpu": {"name": "NVIDIA H100 80GB HBM3", "smCount": 132},
        "clock": {"source": "clock_rate kernel", "mhz": 1980.0},
        "cases": [
          {"case": "traces/kernels/vecadd/vecadd", "spec": "traces/kernels/vecadd/vecadd.launch.yaml",
           "kind": "kernel", "kernel": "vecadd", "arch": "sm_90", "cycles": 1000, "clocks": [],
           "error": null},
          {"case": "traces/kernels/saxpy/saxpy", "spec": "traces/kernels/saxpy/saxpy.launch.yaml",
           "kind": "kernel", "kernel": "saxpy", "arch": "sm_90", "cycles": 2000, "error": null},
          {"case": "traces/kernels/reduce_sum/reduce_sum",
           "spec": "traces/kernels/reduce_sum/reduce_sum.launch.yaml",
           "kind": "kernel", "arch": "sm_90", "cycles": 4000},
          {"case": "validation/microbench/alu_latency/alu_latency",
           "spec": "validation/microbench/alu_latency/alu_latency.launch.yaml",
           "kind": "microbench", "arch": "sm_90", "cycles": 5000, "clocks": [0, 100]},
          {"case": "traces/kernels/transpose/transpose",
           "spec": "traces/kernels/transpose/transpose.launch.yaml",
           "kind": "kernel", "arch": "sm_90", "cycles": null, "error": "launch timed out"}
        ]
      }
      """;

  /** Fixed simulated values per launch spec, and the launch specs it was asked for. */
  static final class FixedSimulator implements CaseSimulator {
    final List<String> asked = new ArrayList<>();

    @Override
    public SimulatedLaunch simulate(GpuConfig gpu, Path launchSpec) {
      String name = launchSpec.getFileName().toString();
      asked.add(name + " " + gpu.architecture());
      long cycles = switch (name) {
        case "vecadd.launch.yaml" -> 1100;
        case "saxpy.launch.yaml" -> 1500;
        case "reduce_sum.launch.yaml" -> 4000;
        default -> 7;
      };
      // alu_latency's clocks buffer is u32[8]; clocks[1] = 120.
      ByteBuffer clocks = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
      clocks.putInt(0, 3).putInt(4, 120);
      return new SimulatedLaunch(cycles, 0, Map.of("clocks", clocks.array()));
    }

    @Override
    public String describe() {
      return "fixed test values";
    }
  }

  @Test
  void statisticsMatchTheHandComputation(@TempDir Path dir) throws Exception {
    Path root = Path.of(System.getProperty("sassim.repoRoot"));
    Path file = dir.resolve("capture.json");
    Files.writeString(file, CAPTURE, StandardCharsets.UTF_8);
    GpuConfig gpu = GpuConfigLoader.byName("h100-sxm", GpuConfigLoader.defaultConfigsDir());

    MeasurementFiles files = new MeasurementFiles(root);
    files.add(file);
    FixedSimulator simulator = new FixedSimulator();
    Validation.Outcome outcome = new Validation(gpu, simulator).run(files.cases(),
        files.skipped(), s -> { });
    ValidationReport report = ValidationReport.of(gpu, simulator.describe(), "abc123",
        "2026-11-27T12:00:00Z", files.inputs(), outcome);

    ErrorStatistics all = report.overall();
    assertEquals(4, all.cases());
    assertEquals(13.75, all.mape(), 1e-9);
    assertEquals(25.0, all.maxApe(), 1e-9);
    assertEquals(255.14702, all.rmse(), 1e-5);
    assertEquals(0.986571, all.pearson(), 1e-6);
    assertEquals(11.666667, report.suites().get("kernels").mape(), 1e-6);
    assertEquals(20.0, report.suites().get("alu_latency").mape(), 1e-9);
    assertNull(report.suites().get("alu_latency").pearson(), "one case has no correlation");
    // One simulation per launch spec: alu_latency is simulated once for all its clocks.
    assertEquals(List.of("vecadd.launch.yaml sm_90", "saxpy.launch.yaml sm_90",
        "reduce_sum.launch.yaml sm_90", "alu_latency.launch.yaml sm_90"), simulator.asked);
    List<String> skipped = report.skipped().stream().map(SkippedCase::id).toList();
    assertEquals(List.of("validation/microbench/alu_latency/alu_latency#clocks[0]",
        "traces/kernels/transpose/transpose"), skipped);

    Path out = dir.resolve("report");
    ReportFolder.write(out, report);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(4, summary.get("cases").asInt());
    assertEquals(13.75, summary.get("mape").asDouble(), 1e-9);
    assertEquals(0.986571, summary.get("pearson").asDouble(), 1e-6);
    assertEquals(25.0, summary.get("maxApe").asDouble(), 1e-9);
    assertEquals(255.14702, summary.get("rmse").asDouble(), 1e-5);
    assertEquals("abc123", summary.get("sassimCommit").asText());
    assertEquals("h100-sxm", summary.get("gpu").get("config").asText());
    assertEquals(2, summary.get("skipped").size());
    assertTrue(summary.get("skipped").get(1).get("reason").asText().contains("launch timed out"));

    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, csv.size(), "header and four cases");
    assertTrue(csv.get(0).startsWith("case,suite,kind,unit,measured,simulated,ape,"));
    assertEquals("traces/kernels/saxpy/saxpy,kernels,kernel,cycles,2000,1500,25.0000,"
        + file + ",,event timing: includes the launch overhead", csv.get(2));
    assertTrue(csv.get(4).startsWith(
        "validation/microbench/alu_latency/alu_latency#clocks[1],alu_latency,microbench,cycles,"
            + "100,120,20.0000,"));
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| **all cycles** | 4 | 13.75% | 0.9866 | 255.1 | 25.00% |"), md);
    String html = Files.readString(out.resolve("report.html"));
    assertEquals(3, html.split("src=\"data:image/png;base64,", -1).length - 1, "three charts");
    try (var left = Files.list(dir)) {
      assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".report")),
          "no temporary folder is left beside the report");
    }
  }

  @Test
  void aWiderVariantOfTheConfigTargetIsSimulatedAsMeasured(@TempDir Path dir) throws Exception {
    Path root = Path.of(System.getProperty("sassim.repoRoot"));
    Path file = dir.resolve("capture.json");
    Files.writeString(file, CAPTURE.replace("\"arch\": \"sm_90\", \"cycles\": 1000",
        "\"arch\": \"sm_90a\", \"cycles\": 1000").replace(
            "\"arch\": \"sm_90\", \"cycles\": 2000", "\"arch\": \"sm_86\", \"cycles\": 2000"),
        StandardCharsets.UTF_8);
    GpuConfig gpu = GpuConfigLoader.byName("h100-sxm", GpuConfigLoader.defaultConfigsDir());
    MeasurementFiles files = new MeasurementFiles(root);
    files.add(file);
    FixedSimulator simulator = new FixedSimulator();
    Validation.Outcome outcome = new Validation(gpu, simulator).run(files.cases(),
        files.skipped(), s -> { });
    assertEquals("vecadd.launch.yaml sm_90a", simulator.asked.get(0));
    SkippedCase saxpy = outcome.skipped().stream()
        .filter(s -> s.id().equals("traces/kernels/saxpy/saxpy")).findFirst().orElseThrow();
    assertTrue(saxpy.reason().contains("measured on sm_86"), saxpy.reason());
    assertEquals(3, outcome.results().size());
  }
}
