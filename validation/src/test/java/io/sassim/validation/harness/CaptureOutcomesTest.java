package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.validation.RepoFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a capture records when a spec is broken, has no binary, or there is no GPU at all. */
class CaptureOutcomesTest {

  @TempDir Path repo;
  @TempDir Path out;

  private record Run(int exit, String log, JsonNode capture) {}

  private Run harness(String... args) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int exit = HarnessMain.commandLine(
        new HarnessMain(new PrintStream(log, true, StandardCharsets.UTF_8))).execute(args);
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertEquals(1, files.size(), files.toString());
    return new Run(exit, log.toString(StandardCharsets.UTF_8),
        new ObjectMapper().readTree(files.get(0).toFile()));
  }

  /** A copy of vecadd under {@code repo}, so specs can be broken without touching the corpus. */
  private Path copyVecadd() throws IOException {
    Path src = RepoFiles.root().resolve("traces/kernels/vecadd");
    Path dst = Files.createDirectories(repo.resolve("kernels/vecadd"));
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.toList()) {
        Files.copy(p, dst.resolve(p.getFileName()));
      }
    }
    return dst;
  }

  @Test
  void aBrokenSpecIsRecordedAndTheCaptureGoesOn() throws Exception {
    Path dir = copyVecadd();
    Files.writeString(dir.resolve("vecadd.broken.launch.yaml"),
        Files.readString(dir.resolve("vecadd.launch.yaml")).replace("grid:", "gird:"));
    Files.writeString(dir.resolve("vecadd.sm80only.launch.yaml"),
        Files.readString(dir.resolve("vecadd.launch.yaml")).replace("kernel:", "archs: [sm_80]\nkernel:"));
    Run r = harness("--dry-run", "--repo-root", repo.toString(), "--out", out.toString(), "kernels");

    assertEquals(0, r.exit(), r.log());
    JsonNode cases = r.capture().get("cases");
    assertEquals(2, cases.size());
    JsonNode broken = cases.get(0);
    assertEquals("kernels/vecadd/vecadd.broken", broken.get("case").asText());
    assertTrue(broken.get("error").asText().matches(".*vecadd\\.broken\\.launch\\.yaml:\\d+: gird: unknown key.*"),
        broken.get("error").asText());
    assertTrue(cases.get(1).get("error").isNull());
    JsonNode skipped = r.capture().get("skipped");
    assertEquals(1, skipped.size());
    assertEquals("kernels/vecadd/vecadd.sm80only", skipped.get(0).get("case").asText());
    assertTrue(skipped.get(0).get("reason").asText().startsWith("no binary for [sm_90, sm_90a]"));
    JsonNode summary = r.capture().get("summary");
    assertEquals(2, summary.get("cases").asInt());
    assertEquals(1, summary.get("failed").asInt());
    assertEquals(1, summary.get("skipped").asInt());
    assertTrue(r.log().contains("summary: 2 cases, 1 ok, 1 failed, 1 skipped"), r.log());
  }

  /** Without a CUDA driver JCuda cannot load; that is exit 3 and a capture naming the reason. */
  @Test
  void withoutAGpuTheCaptureEndsWithExitThreeAndAFatalError() throws Exception {
    Assumptions.assumeFalse(Files.exists(Path.of("/dev/nvidiactl")), "this machine has a GPU");
    copyVecadd();
    Run r = harness("--repo-root", repo.toString(), "--out", out.toString(), "kernels");

    assertEquals(HarnessMain.EXIT_NO_GPU, r.exit(), r.log());
    assertTrue(r.log().contains("sassim-harness: no usable GPU"), r.log());
    assertFalse(r.log().contains("\tat "), "no stack trace: " + r.log());
    JsonNode c = r.capture();
    assertTrue(c.get("fatalError").asText().startsWith("no usable GPU"), c.toString());
    assertFalse(c.get("fatalError").asText().contains("\tat "), "one line, not JCuda's traces");
    assertFalse(c.get("dryRun").asBoolean());
    assertFalse(c.get("complete").asBoolean());
    assertEquals(0, c.get("cases").size());
  }
}
