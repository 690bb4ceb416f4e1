package io.sassim.validation.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.validation.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw CSV export of our H200 profile run, and broken copies of it. */
class NcuCsvTest {
  static final Path RUN = RepoFiles.root()
      .resolve("validation/measurements/nvidia-h200/ncu-20261127T140737Z");

  @Test
  void readsEveryLaunchOfTheH200Profile() throws Exception {
    List<NcuLaunch> launches = NcuCsv.read(RUN.resolve("ncu.csv"));
    assertEquals(80, launches.size());
    for (int i = 0; i < launches.size(); i++) {
      assertEquals(i, launches.get(i).id());
    }
    // Six clock calibrations, then the suite in capture order.
    for (int i = 0; i < 6; i++) {
      assertEquals("clock_rate", launches.get(i).kernel());
    }
    NcuLaunch asyncCopy = launches.get(6);
    assertEquals("async_copy", asyncCopy.kernel());
    assertEquals(9822.0, asyncCopy.metrics().get("gpc__cycles_elapsed.max"));
    assertEquals(9818.12, asyncCopy.metrics().get("gpc__cycles_elapsed.avg"), 1e-9);
    assertEquals(125504.0, asyncCopy.metrics().get("smsp__inst_executed.sum"));
    assertEquals(4992.0, asyncCopy.metrics().get("gpu__time_duration.sum"));
    // Device attributes have no rollup and are not metrics.
    assertFalse(asyncCopy.metrics().containsKey("device__attribute_clock_rate"));
    // Thousands separators: "3,963,269".
    assertEquals(3963269.0, launches.get(0).metrics().get("gpc__cycles_elapsed.max"));
    assertEquals(9, asyncCopy.line()); // header, units, six calibrations
  }

  @Test
  void numbersDropSeparatorsAndRejectText() {
    assertEquals(1234567.5, NcuCsv.number("1,234,567.5"));
    assertEquals(0.0, NcuCsv.number("0"));
    assertNull(NcuCsv.number("n/a"));
    assertNull(NcuCsv.number(""));
    assertNull(NcuCsv.number("NaN"));
  }

  @Test
  void passesOverProfilerLogLinesBeforeTheHeader(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(RUN.resolve("ncu.csv"));
    List<String> logged = new ArrayList<>(List.of(
        "==PROF== Connected to process 658 (/work/main/.jre/bin/java)",
        "==PROF== Profiling \"clock_rate\" - 0: 0%....50%....100% - 3 passes"));
    logged.addAll(lines);
    Path f = dir.resolve("logged.csv");
    Files.write(f, logged);
    List<NcuLaunch> launches = NcuCsv.read(f);
    assertEquals(80, launches.size());
    assertEquals(11, launches.get(6).line());
  }

  @Test
  void badFilesNameTheirLine(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(RUN.resolve("ncu.csv"));

    Path notNcu = dir.resolve("not-ncu.csv");
    Files.writeString(notNcu, "case,cycles\nvecadd,100\n");
    InputException e = assertThrows(InputException.class, () -> NcuCsv.read(notNcu));
    assertTrue(e.getMessage().startsWith(notNcu + ":1: not an Nsight Compute raw CSV export"),
        e.getMessage());

    Path shortRow = dir.resolve("short-row.csv");
    List<String> cut = new ArrayList<>(lines);
    cut.set(5, cut.get(5).substring(0, cut.get(5).lastIndexOf(',')));
    Files.write(shortRow, cut);
    e = assertThrows(InputException.class, () -> NcuCsv.read(shortRow));
    assertTrue(e.getMessage().startsWith(shortRow + ":6: has "), e.getMessage());

    Path badId = dir.resolve("bad-id.csv");
    List<String> renumbered = new ArrayList<>(lines);
    renumbered.set(4, renumbered.get(4).replaceFirst("^\"2\"", "\"two\""));
    Files.write(badId, renumbered);
    e = assertThrows(InputException.class, () -> NcuCsv.read(badId));
    assertEquals(badId + ":5: ID: not a launch number: \"two\"", e.getMessage());

    Path headerOnly = dir.resolve("header-only.csv");
    Files.write(headerOnly, lines.subList(0, 2));
    e = assertThrows(InputException.class, () -> NcuCsv.read(headerOnly));
    assertTrue(e.getMessage().contains("holds no kernel launch"), e.getMessage());

    Path missing = dir.resolve("missing.csv");
    e = assertThrows(InputException.class, () -> NcuCsv.read(missing));
    assertEquals(missing + ": no such file", e.getMessage());
  }
}
