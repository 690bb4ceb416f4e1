package io.sassim.validation.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sassim.isa.InputException;
import io.sassim.validation.RepoFiles;
import io.sassim.validation.capture.Capture;
import io.sassim.validation.capture.CaptureLoader;
import io.sassim.validation.capture.CapturedCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining the H200 profile's launches to the capture of the run that was profiled. */
class NcuImportTest {
  private static final Path RUN = NcuCsvTest.RUN;
  private static final Path CAPTURE = RUN.resolve("capture.json");
  private static final Path CSV = RUN.resolve("ncu.csv");

  @Test
  void eachCaseTakesItsOwnLaunch() throws Exception {
    ObjectNode joined = NcuImport.join(CAPTURE, CSV);
    JsonNode cases = joined.get("cases");
    assertEquals(68, cases.size());
    JsonNode asyncCopy = cases.get(0);
    assertEquals("traces/kernels/async_copy/async_copy", asyncCopy.get("case").asText());
    assertEquals(9822, asyncCopy.get("cycles").asLong());
    assertTrue(asyncCopy.get("eventCycles").asLong() > 1_000_000, "the profiled run's events");
    assertEquals("ncu gpc__cycles_elapsed.max", asyncCopy.get("cyclesSource").asText());
    assertEquals(List.of(6), ids(asyncCopy));
    assertEquals(125504.0, asyncCopy.get("counters").get("smsp__inst_executed.sum").asDouble());
    // The clock_rate case takes the calibration kernel's launch between the suite's cases, not
    // one of the six calibrations before the suite.
    JsonNode clockRate = find(cases, "validation/microbench/clock_rate/clock_rate");
    assertEquals(List.of(54), ids(clockRate));
    // Cases of one kernel (three pointer_chase64 specs) keep capture order.
    assertEquals(List.of(62), ids(find(cases, "validation/microbench/pointer_chase64/pointer_chase64.dram")));
    assertEquals(List.of(63), ids(find(cases, "validation/microbench/pointer_chase64/pointer_chase64.l1")));
    assertEquals(List.of(64), ids(find(cases, "validation/microbench/pointer_chase64/pointer_chase64.l2")));
    // A microbenchmark keeps its clocks and its own cycles; it gains counters only.
    JsonNode l1 = find(cases, "validation/microbench/pointer_chase64/pointer_chase64.l1");
    assertFalse(l1.has("eventCycles"));
    assertEquals(659.0, l1.get("counters").get("smsp__inst_executed.sum").asDouble());
    assertEquals("gpc__cycles_elapsed.max", joined.get("profiler").get("cycleMetric").asText());
    assertEquals(80, joined.get("profiler").get("launches").asInt());
  }

  @Test
  void theWrittenCaptureLoadsWithItsCounters(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("joined.json");
    Files.writeString(out, NcuImport.render(NcuImport.join(CAPTURE, CSV)));
    Capture c = CaptureLoader.load(out, RepoFiles.root());
    assertTrue(c.profiled());
    CapturedCase vecadd = c.cases().stream()
        .filter(k -> k.caseId().equals("traces/kernels/vecadd/vecadd")).findFirst().orElseThrow();
    assertEquals(5335L, vecadd.cycles());
    assertEquals(40960.0, vecadd.counters().get("smsp__inst_executed.sum"));
    // The committed joined file is this join's output.
    Capture committed = CaptureLoader.load(RUN.getParent().resolve("20261127T140737Z-ncu.json"),
        RepoFiles.root());
    assertEquals(c.cases(), committed.cases().stream()
        .map(k -> new CapturedCase(k.caseId(), k.spec(), k.kind(), k.arch(), k.cycles(),
            k.clocks(), k.error(), k.counters(), k.line()))
        .toList());
  }

  @Test
  void missingLaunchesAreAnErrorNotAShift(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(CSV);
    Path cut = dir.resolve("cut.csv");
    Files.write(cut, lines.subList(0, 40)); // launches 0..37: the suite stops at nbody_step
    InputException e = assertThrows(InputException.class, () -> NcuImport.join(CAPTURE, cut));
    assertTrue(e.getMessage().startsWith(cut + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("case traces/kernels/"), e.getMessage());
    assertTrue(e.getMessage().contains("made 1 launches of"), e.getMessage());
  }

  @Test
  void refusesWhatIsNotAnUnjoinedCapture(@TempDir Path dir) throws Exception {
    Path joined = RUN.getParent().resolve("20261127T140737Z-ncu.json");
    InputException e = assertThrows(InputException.class, () -> NcuImport.join(joined, CSV));
    assertTrue(e.getMessage().contains("joined to this capture already"), e.getMessage());

    Path notCapture = dir.resolve("x.json");
    Files.writeString(notCapture, "{\"schema\": \"sassim-reference\"}");
    e = assertThrows(InputException.class, () -> NcuImport.join(notCapture, CSV));
    assertEquals(notCapture + ":1: schema: not a harness capture ('sassim-hardware-capture')",
        e.getMessage());

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"schema\": \n");
    e = assertThrows(InputException.class, () -> NcuImport.join(broken, CSV));
    assertTrue(e.getMessage().startsWith(broken + ":3: not JSON"), e.getMessage());
  }

  private static List<Integer> ids(JsonNode c) {
    return java.util.stream.StreamSupport.stream(c.get("profiledLaunches").spliterator(), false)
        .map(JsonNode::asInt).toList();
  }

  private static JsonNode find(JsonNode cases, String id) {
    for (JsonNode c : cases) {
      if (c.get("case").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no case " + id);
  }
}
