package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.validation.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/device-capture.sh end to end as a dry run, with the packaged harness jar (failsafe runs
 * after packaging). The test JVM stands in for the jlink'd .jre through SASSIM_JAVA: linking a
 * runtime takes longer than CI should spend, and scripts/prepare-device-capture.sh checks .jre
 * itself with the same dry run.
 */
class DeviceCaptureScriptIT {

  @TempDir Path out;

  private record Run(int exit, String output) {}

  private static Run capture(String java, String... args) throws Exception {
    List<String> command = new ArrayList<>(
        List.of("bash", RepoFiles.root().resolve("scripts/device-capture.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SASSIM_JAVA", java);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "device-capture.sh did not finish");
    return new Run(p.exitValue(), output);
  }

  private static String testJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void dryRunWritesTheCaptureAndTheLogUnderTheGivenFolder() throws Exception {
    Run r = capture(testJava(), out.toString(), "--dry-run");

    assertEquals(0, r.exit(), r.output());
    List<Path> captures = jsonFiles(out);
    assertEquals(1, captures.size(), captures.toString());
    Path file = captures.get(0);
    assertEquals(out.resolve("dry-run"), file.getParent(), "OUTDIR/<gpu-slug>/<time>.json");
    JsonNode capture = new ObjectMapper().readTree(file.toFile());
    assertEquals("sassim-hardware-capture", capture.get("schema").asText());
    assertTrue(capture.get("dryRun").asBoolean());
    assertTrue(capture.get("complete").asBoolean());
    assertEquals(List.of("sm_90", "sm_90a"),
        List.of(capture.get("settings").get("archs").get(0).asText(),
            capture.get("settings").get("archs").get(1).asText()));
    assertEquals(0, capture.get("summary").get("failed").asInt());
    assertTrue(capture.get("summary").get("cases").asInt() > 0);
    assertFalse(capture.get("sourceRevision").isNull());

    String log = Files.readString(out.resolve("capture.log"));
    assertTrue(log.contains("summary: "), log);
    assertTrue(log.contains("harness exit 0"), log);
    assertTrue(log.contains("capture file: " + file), log);
  }

  @Test
  void aMissingRuntimeStopsWithAClearMessage() throws Exception {
    Run r = capture(out.resolve("no-jre/bin/java").toString(), out.toString(), "--dry-run");

    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("device-capture: no " + out.resolve("no-jre/bin/java")
        + ": run scripts/prepare-device-capture.sh"), r.output());
    assertEquals(List.of(), jsonFiles(out));
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).toList();
    }
  }
}
