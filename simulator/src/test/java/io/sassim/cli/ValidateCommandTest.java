package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim validate} end to end on a committed reference dataset, and on bad input. */
class ValidateCommandTest {

  private static final Path ROOT = Path.of(System.getProperty("sassim.repoRoot"));

  /** A one-case capture; the tests below break it in one place each. */
  private static final String CAPTURE = """
      {
        "schema": "sassim-hardware-capture",
        "schemaVersion": 1,
        "dryRun": false,
        "gpu": {"name": "NVIDIA H100 80GB HBM3", "smCount": 132},
        "clock": {"mhz": 1980.0},
        "cases": [
          {"case": "traces/kernels/vecadd/vecadd",
           "spec": "traces/kernels/vecadd/vecadd.launch.yaml",
           "kind": "kernel", "kernel": "vecadd", "arch": "sm_90", "cycles": 9900, "error": null}
        ]
      }
      """;

  @Test
  void reportsTheH800ReferenceDataset(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("h800");
    CliRun run = CliRun.of("validate", "--gpu", "h800-pcie",
        ROOT.resolve("validation/reference/h800.json").toString(), "-o", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("validate: 4 cases compared, 0 skipped; MAPE "), run.out());
    for (String f : List.of("results.csv", "summary.json", "report.md", "report.html")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, csv.size());
    for (String column : List.of("case", "measured", "simulated", "ape", "suite", "unit",
        "source", "citation")) {
      assertTrue(List.of(csv.get(0).split(",")).contains(column), column);
    }
    // The L1 value is published as a range only: its midpoint is compared.
    assertTrue(csv.get(1).startsWith("l1_hit_latency @ NVIDIA H800 PCIe,pointer_chase64,"
        + "microbench,cycles,32.2,"), csv.get(1));
    assertTrue(csv.get(1).endsWith(",midpoint of the published range 32.0..32.4"), csv.get(1));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(4, summary.get("cases").asInt());
    for (String field : List.of("mape", "pearson", "maxApe", "rmse")) {
      assertTrue(summary.get(field).isNumber(), field);
    }
    assertEquals("h800-pcie", summary.get("gpu").get("config").asText());
    assertEquals(1755.0, summary.get("gpu").get("coreMhz").asDouble());
    assertTrue(summary.get("simulation").asText().startsWith("execution-driven"));
    assertTrue(summary.has("sassimCommit") && summary.has("createdUtc"));
    assertEquals(0, summary.get("skipped").size());
    List<String> suites = new ArrayList<>();
    summary.get("suites").fieldNames().forEachRemaining(suites::add);
    assertEquals(List.of("pointer_chase64", "shared_chase"), suites);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<img id=\"scatter\""));
    assertTrue(html.contains("<img id=\"histogram\""));
    assertTrue(html.contains("<img id=\"suites\""));

    // A second run replaces the report as a whole.
    Files.writeString(out.resolve("stale.txt"), "old");
    assertEquals(0, CliRun.of("validate", "--gpu", "h800-pcie",
        ROOT.resolve("validation/reference/h800.json").toString(), "-o", out.toString()).code());
    assertFalse(Files.exists(out.resolve("stale.txt")));
    assertEquals(List.of("h800"), names(dir));
  }

  @Test
  void aKernelCaseGetsTheCyclesOfTracingAndRunningItsSpec(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("capture.json");
    Files.writeString(file, CAPTURE, StandardCharsets.UTF_8);
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("validate", "--gpu", "h100-sxm", file.toString(), "-o",
        out.toString());
    assertEquals(0, run.code(), run.err());

    // The same launch through the user-facing commands: trace with control bits, then run.
    Path trace = dir.resolve("vecadd.sstrace");
    assertEquals(0, CliRun.of("trace", ROOT.resolve("traces/kernels/vecadd/vecadd.launch.yaml")
        .toString(), "-o", trace.toString(), "--format", "native", "--arch", "sm_90").code());
    CliRun sim = CliRun.of("run", "--gpu", "h100-sxm", trace.toString());
    assertEquals(0, sim.code(), sim.err());
    String cycles = sim.out().lines().filter(l -> l.startsWith("gpu_sim_cycle = ")).findFirst()
        .orElseThrow().substring("gpu_sim_cycle = ".length()).strip();

    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(2, csv.size());
    String[] row = csv.get(1).split(",");
    assertEquals("traces/kernels/vecadd/vecadd", row[0]);
    assertEquals("9900", row[4]);
    assertEquals(cycles, row[5]);
    double ape = 100.0 * Math.abs(Long.parseLong(cycles) - 9900) / 9900;
    assertEquals(ape, Double.parseDouble(row[6]), 1e-4);
  }

  @Test
  void aCaptureOfAnotherTargetIsSkippedWithItsReason(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("capture.json");
    Files.writeString(file, CAPTURE.replace("\"sm_90\"", "\"sm_80\""), StandardCharsets.UTF_8);
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("validate", "--gpu", "h100-sxm", file.toString(), "-o",
        out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("no case was compared"), run.err());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(0, summary.get("cases").asInt());
    assertTrue(summary.get("mape").isNull());
    assertTrue(summary.get("skipped").get(0).get("reason").asText()
        .contains("measured on sm_80; the config h100-sxm simulates sm_90"));
  }

  @Test
  void wrongSchema(@TempDir Path dir) throws Exception {
    expectBadInput(dir, "{\"schema\": \"sassim-stats\", \"cases\": []}",
        ":1: schema: must be 'sassim-hardware-capture' or 'sassim-reference', got 'sassim-stats'");
  }

  @Test
  void missingSchema(@TempDir Path dir) throws Exception {
    expectBadInput(dir, "{\"cases\": []}", ": schema: missing (required)");
  }

  @Test
  void wrongSchemaVersion(@TempDir Path dir) throws Exception {
    expectBadInput(dir, CAPTURE.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"),
        ":3: schemaVersion: must be in 1..1, got 2");
  }

  @Test
  void unknownKernel(@TempDir Path dir) throws Exception {
    expectBadInput(dir, CAPTURE.replace("kernels/vecadd/vecadd.launch", "kernels/nosuch/nosuch.launch"),
        ":9: cases[0].spec: unknown kernel: no launch spec traces/kernels/nosuch/nosuch.launch.yaml");
  }

  @Test
  void kernelNameTheSpecDoesNotLaunch(@TempDir Path dir) throws Exception {
    expectBadInput(dir, CAPTURE.replace("\"kernel\": \"vecadd\"", "\"kernel\": \"vecsub\""),
        ":10: cases[0].kernel: unknown kernel 'vecsub': traces/kernels/vecadd/vecadd.launch.yaml"
            + " launches 'vecadd'");
  }

  @Test
  void missingCycles(@TempDir Path dir) throws Exception {
    expectBadInput(dir, CAPTURE.replace(", \"cycles\": 9900", ""),
        ":8: cases[0].cycles: missing (required)");
  }

  @Test
  void microbenchmarkWithoutClocksBuffer(@TempDir Path dir) throws Exception {
    expectBadInput(dir, CAPTURE.replace("\"kind\": \"kernel\"", "\"kind\": \"microbench\""),
        ":10: cases[0].kind: unknown microbenchmark: traces/kernels/vecadd/vecadd.launch.yaml has"
            + " no clocks buffer");
  }

  @Test
  void dryRunCapture(@TempDir Path dir) throws Exception {
    expectBadInput(dir, CAPTURE.replace("\"dryRun\": false", "\"dryRun\": true"),
        ":4: dryRun: a dry-run capture holds no measurements");
  }

  @Test
  void referenceValueWithAnUnknownMicrobenchmark(@TempDir Path dir) throws Exception {
    String dataset = Files.readString(ROOT.resolve("validation/reference/h800.json"))
        .replace("pointer_chase64/pointer_chase64.l2\"", "pointer_chase64/pointer_chase64.l9\"");
    expectBadInput(dir, dataset, ":33: values[1].microbenchmark: no launch spec "
        + "validation/microbench/pointer_chase64/pointer_chase64.l9.launch.yaml");
  }

  @Test
  void referenceValueMissingItsCitation(@TempDir Path dir) throws Exception {
    String dataset = Files.readString(ROOT.resolve("validation/reference/h800.json"));
    int cut = dataset.indexOf(",\n      \"citation\"");
    int end = dataset.indexOf("}", cut) + 1;
    expectBadInput(dir, dataset.substring(0, cut) + dataset.substring(end),
        ": values[0].citation: missing (required)");
  }

  /**
   * The file {@code text} makes {@code validate} exit 2 with one line naming the file and the
   * problem, and leaves no report folder (nor a temporary one) behind.
   */
  private static void expectBadInput(Path dir, String text, String expected) throws Exception {
    Path file = dir.resolve("measured.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("validate", "--gpu", "h100-sxm", file.toString(), "-o",
        out.toString());
    assertEquals(2, run.code(), run.err());
    String message = run.err().strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith(file.toString() + ":"), message);
    assertTrue(message.contains(expected), message);
    assertFalse(message.contains("Exception"), message);
    assertEquals(List.of("measured.json"), names(dir));
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
