package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.traces.SharedTraces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher script, run as a user runs it, after the jar is packaged (failsafe). */
class LauncherIT {

  private static final Path ROOT = SharedTraces.repoRoot();

  @TempDir Path tmp;

  record Result(int code, String stdout, String stderr) {}

  private static Result launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/sassim").toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("launcher", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "launcher did not finish");
      return new Result(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  @Test
  void helpListsTheSubcommandsAndExitsZero() throws Exception {
    Result r = launch("--help");
    assertEquals(0, r.code(), r.stderr());
    assertTrue(r.stdout().contains("Commands:"), r.stdout());
    assertTrue(r.stdout().contains("sass "), r.stdout());
    assertTrue(r.stdout().contains("trace "), r.stdout());
  }

  @Test
  void traceStatsAndConvertThroughTheLauncher() throws Exception {
    Path folder = SharedTraces.require("vectoradd-gtx1080-v4/trace");
    Path nat = tmp.resolve("vecadd.sstrace");
    Result convert = launch("trace", "convert", folder.toString(), nat.toString(), "--format", "native");
    assertEquals(0, convert.code(), convert.stderr());
    for (Path input : List.of(folder, nat)) {
      Result stats = launch("trace", "stats", input.toString(), "--json");
      assertEquals(0, stats.code(), stats.stderr());
      JsonNode json = new ObjectMapper().readTree(stats.stdout());
      assertEquals(344, json.get("totalWarpInstructions").asLong());
      assertEquals(344, json.get("kernels").get(0).get("warpInstructions").asLong());
    }
    Result missing = launch("trace", "stats", tmp.resolve("none").toString(), "--json");
    assertEquals(2, missing.code());
    assertEquals(tmp.resolve("none") + ": no such file or folder", missing.stderr().strip());
  }

  @Test
  void runThroughTheLauncherPrintsAccelSimLinesAndWritesJson() throws Exception {
    Path trace = SharedTraces.require(SharedTraces.FLASHINFER);
    Path json = tmp.resolve("out/run.json");
    Result r = launch("run", "--gpu", "rtx-a6000", trace.toString(), "--json", json.toString());
    assertEquals(0, r.code(), r.stderr());
    assertTrue(r.stdout().lines().anyMatch(l -> l.matches("gpu_sim_cycle = \\d+")), r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.matches("gpu_sim_insn = \\d+")), r.stdout());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals(8, report.get("kernels").size());
    long cycles = 0;
    for (JsonNode k : report.get("kernels")) {
      assertTrue(k.get("name").asText().startsWith("_Z"), k.get("name").asText());
      assertTrue(k.get("cycles").asLong() > 0);
      cycles += k.get("cycles").asLong();
    }
    assertEquals(cycles, report.get("totals").get("cycles").asLong());
    assertEquals(6451, report.get("totals").get("warpInstructions").asLong());
    assertTrue(report.get("simulation").get("wallSeconds").asDouble() > 0);
    assertTrue(report.get("simulation").get("warpInstructionsPerSecond").asDouble() > 0);

    Result spec = launch("run", "--gpu", "rtx-a6000",
        ROOT.resolve("traces/kernels/vecadd/vecadd.launch.yaml").toString());
    assertEquals(0, spec.code(), spec.stderr());
    assertTrue(spec.stdout().contains("kernel_name = vecadd"), spec.stdout());
    assertTrue(spec.stdout().contains("gpu_tot_sim_cycle = "), spec.stdout());
  }
}
