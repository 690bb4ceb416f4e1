package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static CaptureReport report(boolean complete, int cases) {
    return new CaptureReport(CaptureReport.SCHEMA, CaptureReport.SCHEMA_VERSION, true, complete,
        "2026-11-27T10:15:00Z", "host", "abc", null, null, null, null, null,
        new CaptureReport.Summary(cases, cases, 0, 0), List.of(), List.of());
  }

  @Test
  void rewritesInPlaceAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("gpu/20261127T101500Z.json");
    ReportWriter.write(target, report(false, 1));
    ReportWriter.write(target, report(true, 2));
    try (Stream<Path> s = Files.walk(dir)) {
      assertEquals(List.of(target), s.filter(Files::isRegularFile).toList());
    }
    var json = new ObjectMapper().readTree(target.toFile());
    assertEquals(true, json.get("complete").asBoolean());
    assertEquals(2, json.get("summary").get("cases").asInt());
    assertEquals("sassim-hardware-capture", json.get("schema").asText());
    List<String> order = List.of("schema", "schemaVersion", "dryRun", "complete");
    var names = json.fieldNames();
    for (String expected : order) {
      assertEquals(expected, names.next(), "documented field order");
    }
  }
}
