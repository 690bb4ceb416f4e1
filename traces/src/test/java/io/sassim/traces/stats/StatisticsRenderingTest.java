package io.sassim.traces.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.isa.InputException;
import io.sassim.traces.fixtures.VecaddTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON shape scripts rely on, and the text table against its golden file. */
class StatisticsRenderingTest {

  private static final String GOLDEN = "vecadd-twice.stats.txt";

  private static VecaddTrace vecadd;
  private static TraceStatistics stats;

  @BeforeAll
  static void compute() throws InputException {
    vecadd = VecaddTrace.load();
    stats = TraceStatistics.compute(TraceStatisticsTest.vecaddProgram(vecadd)
        .kernel("kernel-2.traceg", () -> vecadd.trace(1, 2)), 12_800, 1 << 10);
  }

  @Test
  void jsonHasTheDocumentedFields() throws IOException {
    JsonNode root = new ObjectMapper().readTree(StatisticsJson.render(stats));
    assertEquals(96, root.get("totalWarpInstructions").asLong());
    JsonNode kernels = root.get("kernels");
    assertEquals(2, kernels.size());
    assertEquals("vecadd", kernels.get(0).get("name").asText());
    assertEquals(64, kernels.get(0).get("warpInstructions").asLong());
    assertEquals(32, kernels.get(1).get("warpInstructions").asLong());
    JsonNode first = kernels.get(0);
    for (String field : List.of("name", "kernelId", "file", "grid", "block", "binaryVersion",
        "opcodeTable", "exactOpcodeTable", "ctas", "warps", "warpSlots", "warpInstructions",
        "threadInstructions", "staticInstructions", "instructionMix", "memory", "hasControlBits")) {
      assertNotNull(first.get(field), "kernels[].%s".formatted(field));
    }
    assertEquals(fieldNames(first).size(), 17, "no undocumented kernel fields: " + fieldNames(first));
    assertEquals(2, first.get("grid").get("x").asInt());
    assertEquals(20, first.get("instructionMix").get("FP32").asLong());
    assertEquals(0, first.get("instructionMix").get("UNCLASSIFIED").asLong());
    assertEquals(List.of("instructions", "globalInstructions", "sharedInstructions",
        "localInstructions", "bytes", "sectors", "lines", "exact"), fieldNames(first.get("memory")));
    assertEquals(39, root.get("memory").get("sectors").asLong());
    assertEquals(List.of("origin", "inputBytes", "kernels", "totalCtas", "totalWarps",
        "totalWarpSlots", "totalWarpInstructions", "totalThreadInstructions", "instructionMix",
        "memory", "memcpy", "bytesPerInstruction", "hasControlBits"), fieldNames(root));
    assertEquals(12_800.0 / 96, root.get("bytesPerInstruction").asDouble());
    assertEquals(2, root.get("memcpy").get("commands").asLong());
    assertTrue(root.get("hasControlBits").isBoolean());
  }

  @Test
  void unknownSizeIsNull() throws IOException, InputException {
    TraceStatistics s = TraceStatistics.compute(TraceStatisticsTest.vecaddProgram(vecadd), -1, 16);
    JsonNode root = new ObjectMapper().readTree(StatisticsJson.render(s));
    assertTrue(root.get("inputBytes").isNull());
    assertTrue(root.get("bytesPerInstruction").isNull());
    assertTrue(StatisticsText.render(s).contains("input   size unknown, 64 warp instructions\n"));
  }

  @Test
  void textMatchesTheGoldenFile() throws IOException {
    String text = StatisticsText.render(stats);
    String expected;
    try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
      if (in == null || Boolean.getBoolean("sassim.updateGolden")) {
        Path out = Path.of("src/test/resources/io/sassim/traces/stats", GOLDEN);
        Files.writeString(out, text);
        throw new AssertionError("wrote " + out.toAbsolutePath() + "; check it and rerun");
      }
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, text);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> i = node.fieldNames(); i.hasNext(); ) {
      names.add(i.next());
    }
    return names;
  }
}
