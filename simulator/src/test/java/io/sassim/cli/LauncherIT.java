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
}
