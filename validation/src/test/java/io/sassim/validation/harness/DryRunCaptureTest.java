package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.validation.RepoFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run over the whole corpus writes one capture file that parses back to the schema. */
class DryRunCaptureTest {

  @TempDir Path out;

  @Test
  void dryRunOverTheCorpusWritesTheDocumentedSchema() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int exit = HarnessMain.commandLine(
            new HarnessMain(new PrintStream(log, true, StandardCharsets.UTF_8)))
        .execute("--dry-run", "--out", out.toString(), "--repo-root", RepoFiles.root().toString(),
            "--source-rev", "test");
    assertEquals(0, exit, log.toString(StandardCharsets.UTF_8));

    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertEquals(1, files.size(), "one capture file and no temporary leftovers: " + files);
    Path file = files.get(0);
    assertEquals("dry-run", file.getParent().getFileName().toString());
    assertTrue(file.getFileName().toString().matches("\\d{8}T\\d{6}Z\\.json"), file.toString());

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals(CaptureReport.SCHEMA, root.get("schema").asText());
    assertEquals(1, root.get("schemaVersion").asInt());
    assertTrue(root.get("dryRun").asBoolean());
    assertTrue(root.get("complete").asBoolean());
    assertEquals("test", root.get("sourceRevision").asText());
    assertTrue(root.get("gpu").isNull());
    assertEquals(System.getProperty("java.version"), root.get("software").get("java").asText());
    assertTrue(root.get("software").get("cudaVersion").isNull(), "a dry run asks no driver");
    assertEquals("none", root.get("clock").get("source").asText());
    for (String f : List.of("createdUtc", "host", "settings", "software", "summary", "cases",
        "skipped", "fatalError")) {
      assertTrue(root.has(f), f);
    }

    int specs = SpecDiscovery.find(RepoFiles.root(),
        List.of(Path.of("traces/kernels"), Path.of("validation/microbench")), List.of()).size();
    JsonNode cases = root.get("cases");
    assertEquals(specs, cases.size() + root.get("skipped").size());
    assertEquals(cases.size(), root.get("summary").get("cases").asInt());
    assertEquals(0, root.get("summary").get("failed").asInt());

    Set<String> kinds = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode c : cases) {
      String id = c.get("case").asText();
      ids.add(id);
      assertTrue(c.get("error").isNull(), id + ": " + c.get("error"));
      assertEquals(id + ".launch.yaml", c.get("spec").asText());
      assertTrue(Files.isRegularFile(RepoFiles.root().resolve(c.get("binary").asText())), id);
      assertEquals(64, c.get("binarySha256").asText().length());
      assertTrue(c.get("toolchain").asText().contains("ptxas"), id + ": " + c.get("toolchain"));
      assertTrue(c.get("provenance").isNull(), "no GPU, so no provenance to repeat");
      assertEquals(3, c.get("grid").size());
      assertEquals(0, c.get("timesMs").size(), "a dry run times nothing");
      assertTrue(c.get("medianMs").isNull());
      assertTrue(c.get("cycles").isNull());
      kinds.add(c.get("kind").asText());
      boolean hasClocks = false;
      for (JsonNode p : c.get("params")) {
        if (p.get("kind").asText().equals("buffer")) {
          assertEquals(8, p.get("bytes").asInt());
          assertEquals(64, p.get("initialSha256").asText().length());
          hasClocks |= p.get("clocks").asBoolean();
        } else {
          assertEquals(p.get("bytes").asInt() * 2, p.get("valueHex").asText().length());
        }
      }
      assertEquals(hasClocks ? "microbench" : "kernel", c.get("kind").asText(), id);
    }
    assertEquals(Set.of("kernel", "microbench"), kinds);
    for (String level : List.of("l1", "l2", "dram")) {
      assertTrue(ids.contains("validation/microbench/pointer_chase64/pointer_chase64." + level),
          "the 64-bit pointer chase is captured: " + level);
      assertTrue(ids.contains("validation/microbench/pointer_chase/pointer_chase." + level),
          "and so is the 32-bit index chase: " + level);
    }
    assertFalse(log.toString(StandardCharsets.UTF_8).contains("FAILED"));
  }
}
