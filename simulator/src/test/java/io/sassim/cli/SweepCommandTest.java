package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.sim.fixtures.ListingKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim sweep} in process, on corpus launch specs recorded by the emulator. */
class SweepCommandTest {

  static final Path ROOT = ListingKernels.repoRoot();
  static final String SPMV = ROOT.resolve("traces/kernels/spmv_csr/spmv_csr.launch.yaml")
      .toString();
  static final String STENCIL = ROOT.resolve("traces/kernels/stencil2d/stencil2d.launch.yaml")
      .toString();

  /** 4 x 2 = 8 points on one workload. */
  static final String EIGHT_POINTS = """
      gpu: rtx-a6000
      axes:
        - path: frontEnd.prefetcher.entries
          values: [0, 1, 2, 4]
        - path: issue.dependence
          values: [control-bits, scoreboard]
      workloads: [%s]
      metrics: [ipc, prefetchHits, stalls.dependence]
      """.formatted(SPMV);

  @TempDir Path tmp;

  private Path spec(String text) throws Exception {
    Path p = tmp.resolve("spec-" + text.hashCode() + ".yaml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void eightPointsRunLocallyIntoCsvJsonAndFigures() throws Exception {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("sweep", spec(EIGHT_POINTS).toString(), "-o", out.toString(),
        "--threads", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("8 points x 1 workloads = 8 tasks; 0 done, 8 to run (local)"),
        r.err());
    assertTrue(r.err().contains("sweep: 8/8 tasks"), "progress with ETA: " + r.err());
    assertTrue(r.err().contains("ETA"), r.err());
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals("point,frontEnd.prefetcher.entries,issue.dependence,workload,cycles,ipc,"
        + "prefetchHits,stalls.dependence,speedup", csv.get(0));
    assertEquals(9, csv.size());
    assertTrue(csv.get(1).startsWith("0,0,control-bits,spmv_csr,"), csv.get(1));
    assertTrue(csv.get(1).endsWith(",1.000000"), "the first point is the baseline");
    assertTrue(csv.get(8).startsWith("7,4,scoreboard,spmv_csr,"), csv.get(8));
    Map<String, long[]> cycles = new HashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      cycles.computeIfAbsent(f[2], k -> new long[4])[List.of("0", "1", "2", "4")
          .indexOf(f[1])] = Long.parseLong(f[4]);
      // no prefetcher, no prefetch hits
      assertEquals(f[1].equals("0"), f[6].equals("0"), line);
    }
    // a stream buffer helps the front end: 4 entries beat none, whatever the dependence mode
    for (long[] c : cycles.values()) {
      assertTrue(c[3] < c[0], java.util.Arrays.toString(c));
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals(8, json.get("rows").size());
    assertEquals("scoreboard", json.get("rows").get(7).get("settings").get("issue.dependence")
        .asText());
    assertEquals(0, json.get("baseline").get("point").asInt());
    for (String png : List.of("cycles-vs-entries.png", "ipc-vs-dependence.png", "speedup.png",
        "heatmap-speedup.png")) {
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve("plots").resolve(png)),
          4);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, png);
    }
    assertTrue(Files.isRegularFile(out.resolve("traces/spmv_csr.sm_86.sstrace")),
        "the launch is recorded once and replayed at every point");

    // Run again: nothing is missing, nothing runs, same results.
    byte[] before = Files.readAllBytes(out.resolve("results.csv"));
    FileTime stamp = Files.getLastModifiedTime(out.resolve("points/point-0003.spmv_csr.json"));
    CliRun again = CliRun.of("sweep", spec(EIGHT_POINTS).toString(), "-o", out.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("8 done, 0 to run"), again.err());
    assertArrayEquals(before, Files.readAllBytes(out.resolve("results.csv")));
    assertEquals(stamp, Files.getLastModifiedTime(out.resolve("points/point-0003.spmv_csr.json")));
  }

  @Test
  void aTraceWorkloadRunsLikeTheLaunchItWasRecordedFrom() throws Exception {
    Path trace = tmp.resolve("stencil.sstrace");
    assertEquals(0, CliRun.of("trace", STENCIL, "-o", trace.toString(), "--format", "native",
        "-q").code());
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("sweep", spec("""
        gpu: rtx-a6000
        axes: [{path: frontEnd.prefetcher.entries, values: [1, 8]}]
        workloads: [%s, {name: recorded, path: stencil.sstrace}]
        metrics: [warpInstructions]
        """.formatted(STENCIL)).toString(), "-o", out.toString(), "--no-plots");
    assertEquals(0, r.code(), r.err());
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, rows.size());
    for (int i = 1; i < rows.size(); i += 2) {
      assertTrue(rows.get(i).contains(",stencil2d,"), rows.get(i));
      assertTrue(rows.get(i + 1).contains(",recorded,"), rows.get(i + 1));
      assertEquals(rows.get(i).replace(",stencil2d,", ","),
          rows.get(i + 1).replace(",recorded,", ","));
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() throws Exception {
    String text = """
        gpu: rtx-a6000
        axes:
          - {path: registerFile.readPortsPerBank, values: [1, 2]}
          - {path: frontEnd.prefetcher.entries, values: [1, 8]}
        workloads: [%s, %s]
        metrics: [registerBankConflictCycles, ipc]
        """.formatted(SPMV, STENCIL);
    Path one = tmp.resolve("one");
    Path three = tmp.resolve("three");
    assertEquals(0, CliRun.of("sweep", spec(text).toString(), "-o", one.toString(),
        "--threads", "1", "--no-plots").code());
    assertEquals(0, CliRun.of("sweep", spec(text).toString(), "-o", three.toString(),
        "--threads", "3", "--no-plots").code());
    for (String f : List.of("results.csv", "results.json")) {
      assertEquals(Files.readString(one.resolve(f)).replace(one.toString(), ""),
          Files.readString(three.resolve(f)).replace(three.toString(), ""), f);
    }
    assertFalse(Files.exists(one.resolve("plots")), "--no-plots");
  }

  @Test
  void anInvalidSpecExitsTwoBeforeAnythingRuns() throws Exception {
    String[] bad = {
      EIGHT_POINTS.replace("frontEnd.prefetcher.entries", "frontEnd.prefetcher.entrys"),
      EIGHT_POINTS.replace("control-bits, scoreboard", "control-bits, 7"),
      EIGHT_POINTS.replace("[0, 1, 2, 4]", "[]"),
      EIGHT_POINTS.replace(SPMV, SPMV + ".missing"),
    };
    String[] expected = {
      ":3: point 0: frontEnd.prefetcher.entrys: unknown key",
      ":6: point 1: issue.dependence: ",
      ":4: axes[0].values: empty axis",
      ":7: workloads[0]: missing workload",
    };
    for (int i = 0; i < bad.length; i++) {
      Path out = tmp.resolve("bad" + i);
      Path spec = spec(bad[i]);
      CliRun r = CliRun.of("sweep", spec.toString(), "-o", out.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().startsWith(spec + expected[i]), r.err());
      assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
      assertFalse(Files.exists(out), "nothing ran, nothing was written");
    }
  }

  @Test
  void failedPointsAreListedKeptApartAndRetriedAlone() throws Exception {
    // A 100-cycle watchdog stops a kernel at its first memory wait: that point fails.
    Path spec = spec("""
        gpu: rtx-a6000
        axes:
          - {path: watchdog.stallCycles, values: [5000000, 100]}
        workloads: [%s]
        """.formatted(STENCIL));
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("sweep", spec.toString(), "-o", out.toString(), "--threads", "2");
    assertEquals(4, r.code(), r.err());
    assertTrue(r.err().contains("1 of 2 tasks failed"), r.err());
    assertTrue(r.err().contains("point 1 (stallCycles=100) on stencil2d: watchdog: kernel "
        + "stencil2d: no warp issued for 100 cycles"), r.err());
    assertTrue(Files.isRegularFile(out.resolve("points/point-0000.stencil2d.json")));
    assertFalse(Files.exists(out.resolve("results.csv")), "no aggregate while a point is missing");
    CliRun again = CliRun.of("sweep", spec.toString(), "-o", out.toString());
    assertEquals(4, again.code());
    assertTrue(again.err().contains("1 done, 1 to run"), again.err());
    try (Stream<Path> files = Files.list(out.resolve("points"))) {
      assertEquals(1, files.count(), "no temporary files are left behind");
    }
  }

  @Test
  void aResultFromADifferentSpecIsRunAgain() throws Exception {
    Path out = tmp.resolve("out");
    String first = """
        gpu: rtx-a6000
        axes: [{path: frontEnd.prefetcher.entries, values: [2, 8]}]
        workloads: [%s]
        """.formatted(STENCIL);
    assertEquals(0, CliRun.of("sweep", spec(first).toString(), "-o", out.toString(),
        "--no-plots").code());
    String csv = Files.readString(out.resolve("results.csv"));
    CliRun changed = CliRun.of("sweep", spec(first.replace("[2, 8]", "[4, 8]")).toString(),
        "-o", out.toString(), "--no-plots");
    assertEquals(0, changed.code(), changed.err());
    assertTrue(changed.err().contains("1 done, 1 to run"), changed.err());
    String after = Files.readString(out.resolve("results.csv"));
    assertTrue(after.contains("\n0,4,stencil2d,"), after);
    // the kept point's row is unchanged but for its speed-up, whose baseline changed
    assertEquals(csv.lines().skip(2).findFirst().orElseThrow().replaceAll(",[^,]*$", ""),
        after.lines().skip(2).findFirst().orElseThrow().replaceAll(",[^,]*$", ""));
    // A new workload shifts every task index, yet only its own tasks run.
    CliRun added = CliRun.of("sweep", spec(first.replace("[2, 8]", "[4, 8]")
        .replace("workloads: [", "workloads: [" + SPMV + ", ")).toString(), "-o", out.toString(),
        "--no-plots");
    assertEquals(0, added.code(), added.err());
    assertTrue(added.err().contains("2 done, 2 to run"), added.err());
  }
}
