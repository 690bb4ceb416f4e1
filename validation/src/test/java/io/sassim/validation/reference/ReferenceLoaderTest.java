package io.sassim.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.validation.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceLoaderTest {

  @TempDir Path dir;

  private static final String GOOD = """
      {
        "schema": "sassim-reference",
        "schemaVersion": 1,
        "gpu": "Test GPU",
        "arch": "sm_90",
        "values": [
          {
            "quantity": "l1_hit_latency",
            "value": 32.0,
            "unit": "cycles",
            "microbenchmark": "validation/microbench/pointer_chase/pointer_chase.l1",
            "clock": 0,
            "divideBy": 256,
            "grade": "A",
            "citation": {"source": "Someone et al.", "location": "Table 2", "url": "https://example.org"}
          }
        ]
      }
      """;

  /** Every committed dataset loads, and every value is cited and runnable as a microbenchmark. */
  @Test
  void everyCommittedDatasetLoadsWithCitedReproducibleValues() throws Exception {
    List<ReferenceDataset> all = ReferenceLoader.loadAll(RepoFiles.root());
    Set<String> files = all.stream().map(d -> d.file().getFileName().toString())
        .collect(Collectors.toSet());
    assertTrue(files.containsAll(Set.of("h800.json", "a100.json", "rtx4090.json")), files.toString());
    for (ReferenceDataset d : all) {
      assertFalse(d.values().isEmpty(), d.file().toString());
      for (ReferenceValue v : d.values()) {
        String where = d.file().getFileName() + " " + v.quantity().id();
        assertFalse(v.citation().source().isBlank(), where);
        assertFalse(v.citation().location().isBlank(), where);
        assertTrue(v.microbenchmark().startsWith("validation/microbench/"), where);
        Path spec = RepoFiles.root().resolve(v.launchSpec());
        assertTrue(Files.isRegularFile(spec), where + ": no " + spec);
        assertTrue(LaunchSpecLoader.load(spec).clocksBuffer().isPresent(), where);
        assertEquals("cycles", v.unit(), where);
        assertTrue(v.value() != null || v.min() != null, where + ": no value and no range");
      }
    }
  }

  @Test
  void readsTheFieldsAndDefaults() throws Exception {
    ReferenceDataset d = ReferenceLoader.load(write(GOOD), RepoFiles.root());
    assertEquals("Test GPU", d.gpu());
    assertEquals("sm_90", d.arch());
    assertNull(d.smCount());
    ReferenceValue v = d.values().get(0);
    assertEquals(Quantity.L1_HIT_LATENCY, v.quantity());
    assertEquals(32.0, v.value());
    assertNull(v.min());
    assertNull(v.smClockMHz());
    assertEquals(new Citation("Someone et al.", "Table 2", "https://example.org"), v.citation());
    assertEquals("validation/microbench/pointer_chase/pointer_chase.l1.launch.yaml", v.launchSpec());
    String noDivisor = GOOD.replace("\"divideBy\": 256,", "");
    assertEquals(1, ReferenceLoader.load(write(noDivisor), RepoFiles.root()).values().get(0).divideBy());
  }

  @Test
  void aReadingDividesTheChosenClock() {
    ReferenceValue v = new ReferenceValue(Quantity.FFMA_LATENCY, 4.0, null, null, "cycles", null,
        "validation/microbench/alu_latency/alu_latency", 2, 32, "A", null,
        new Citation("s", "l", null));
    assertEquals(4.125, v.reading(List.of(7, 131, 132, 131L)));
  }

  /** Each row: a replacement applied to GOOD, the expected line, the expected message start. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"schema\": \"sassim-reference\"|\"schema\": \"other\"|2|schema: must be 'sassim-reference'",
      "\"schemaVersion\": 1|\"schemaVersion\": 2|3|schemaVersion: must be in 1..1, got 2",
      "\"arch\": \"sm_90\"|\"arch\": \"hopper\"|5|arch: must be a target such as sm_90",
      "\"gpu\": \"Test GPU\",|\"gpu\": \"Test GPU\", \"gpus\": 2,|4|gpus: unknown key",
      "l1_hit_latency|l1_latency|8|values[0].quantity: unknown quantity 'l1_latency'",
      "\"value\": 32.0|\"value\": -1|9|values[0].value: must be a positive number",
      "\"value\": 32.0|\"min\": 30|7|values[0].max: missing (a range needs both min and max)",
      "\"value\": 32.0|\"value\": 32.0, \"min\": 33, \"max\": 34|9|values[0].value: 32.0 lies outside its range 33.0..34.0",
      "\"value\": 32.0,||7|values[0].value: missing (give a value, a min-max range, or both)",
      "\"cycles\"|\"ns\"|10|values[0].unit: must be 'cycles', got 'ns'",
      "pointer_chase.l1\"|pointer_chase.l3\"|11|values[0].microbenchmark: no launch spec validation/microbench/pointer_chase/pointer_chase.l3.launch.yaml",
      "validation/microbench/pointer_chase/pointer_chase.l1|traces/kernels/vecadd/vecadd|11|values[0].microbenchmark: must be a case id under validation/microbench/",
      "\"clock\": 0|\"clock\": 1|12|values[0].clock: must be below 1, the size of the clocks buffer of validation/microbench/pointer_chase/pointer_chase.l1, got 1",
      "\"divideBy\": 256|\"divideBy\": 0|13|values[0].divideBy: must be in 1..",
      "\"grade\": \"A\"|\"grade\": \"E\"|14|values[0].grade: must be A, B, C or D, got 'E'",
      "\"source\": \"Someone et al.\", ||15|values[0].citation.source: missing (required)",
      "https://example.org|http://example.org|15|values[0].citation.url: must be an https:// link",
      "\"values\": [|\"values\": [], \"old\": [|6|old: unknown key",
  })
  void malformedDatasetsNameFileLineAndField(String from, String to, int line, String message)
      throws IOException {
    assertTrue(GOOD.contains(from), from);
    Path p = write(GOOD.replace(from, to == null ? "" : to));
    InputException e = assertThrows(InputException.class, () -> ReferenceLoader.load(p, RepoFiles.root()));
    assertEquals(p.toString(), e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.problem().startsWith(message), e.getMessage());
    assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
  }

  @Test
  void aTargetTheCorpusIsBuiltForNeedsABinaryForIt() throws Exception {
    // A dataset for a corpus target must name a microbenchmark that has a binary for it.
    Path bench = Files.createDirectories(dir.resolve("repo/validation/microbench/x"));
    Files.writeString(bench.resolve("x.launch.yaml"), """
        kernel: x
        binary: x.{arch}.cubin
        grid: 1
        block: 32
        args:
          - name: clocks
            buffer: {type: u32, count: 1, init: {constant: 0}}
            clocks: true
        """);
    Path p = write(GOOD.replace("pointer_chase/pointer_chase.l1", "x/x"));
    InputException e = assertThrows(InputException.class,
        () -> ReferenceLoader.load(p, dir.resolve("repo")));
    assertEquals("values[0].microbenchmark: has no sm_90 binary, so it cannot run on this"
        + " dataset's GPU", e.problem());
    Files.writeString(bench.resolve("x.sm_90.cubin"), "");
    assertEquals(1, ReferenceLoader.load(p, dir.resolve("repo")).values().size());
    // A target outside the corpus (sm_70) is documented, not checked for binaries.
    Files.delete(bench.resolve("x.sm_90.cubin"));
    Path volta = write(GOOD.replace("pointer_chase/pointer_chase.l1", "x/x").replace("sm_90", "sm_70"));
    assertEquals("sm_70", ReferenceLoader.load(volta, dir.resolve("repo")).arch());
  }

  private Path write(String text) throws IOException {
    Path p = dir.resolve("ref.json");
    Files.writeString(p, text);
    return p;
  }
}
