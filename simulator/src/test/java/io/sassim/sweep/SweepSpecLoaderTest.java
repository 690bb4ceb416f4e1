package io.sassim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.sim.fixtures.ListingKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep specs on real configs and corpus launch specs: every shape, and every kind of mistake. */
class SweepSpecLoaderTest {

  static final Path ROOT = ListingKernels.repoRoot();
  static final String STENCIL = ROOT.resolve("traces/kernels/stencil2d/stencil2d.launch.yaml")
      .toString();
  static final String SPMV = ROOT.resolve("traces/kernels/spmv_csr/spmv_csr.launch.yaml")
      .toString();

  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private SweepSpec load(String text) throws Exception {
    return SweepSpecLoader.load(write("spec.yaml", text), ROOT.resolve("configs"));
  }

  private String error(String text) throws Exception {
    Path p = write("bad.yaml", text);
    return assertThrows(InputException.class,
        () -> SweepSpecLoader.load(p, ROOT.resolve("configs"))).getMessage();
  }

  @Test
  void productVariesTheLastAxisFastestAndKeepsTypes() throws Exception {
    SweepSpec s = load("""
        gpu: rtx-a6000
        axes:
          - path: frontEnd.prefetcher.entries
            values: [0, 8]
          - path: registerFile.cacheEnabled
            values: [true, false]
          - path: issue.dependence
            values: [control-bits, scoreboard]
        workloads: [%s, {name: spmv, path: %s}]
        metrics: [ipc, stalls.dependence, cycles, ipc]
        """.formatted(STENCIL, SPMV));
    assertEquals(List.of("frontEnd.prefetcher.entries", "registerFile.cacheEnabled",
        "issue.dependence"), s.parameters());
    assertEquals(8, s.points().size());
    assertEquals(Map.of("frontEnd.prefetcher.entries", 0L, "registerFile.cacheEnabled", true,
        "issue.dependence", "scoreboard"), s.points().get(1).settings());
    assertEquals(Map.of("frontEnd.prefetcher.entries", 8L, "registerFile.cacheEnabled", false,
        "issue.dependence", "control-bits"), s.points().get(6).settings());
    assertEquals(List.of("stencil2d", "spmv"),
        s.workloads().stream().map(Workload::name).toList());
    assertEquals(Workload.Kind.LAUNCH, s.workloads().get(0).kind());
    // cycles is always collected; repeats collapse
    assertEquals(List.of("ipc", "stalls.dependence"), s.metrics());
    assertEquals(16, s.tasks().size());
    assertEquals("point-0003.spmv.json", s.tasks().get(7).fileName());
    assertEquals(0, s.baseline());
  }

  @Test
  void zipPairsValuesAndPointsListThem() throws Exception {
    SweepSpec zip = load("""
        gpu: a100
        combine: zip
        axes:
          - {path: registerFile.cacheEnabled, values: [false, true, true]}
          - {path: registerFile.readPortsPerBank, values: [1, 1, 2]}
        workloads: [%s]
        baseline: 1
        """.formatted(STENCIL));
    assertEquals(3, zip.points().size());
    assertEquals(Map.of("registerFile.cacheEnabled", true, "registerFile.readPortsPerBank", 2L),
        zip.points().get(2).settings());
    assertEquals(1, zip.baseline());

    SweepSpec points = load("""
        gpu: rtx-a6000
        points:
          - {issue.dependence: control-bits}
          - {issue.dependence: scoreboard}
        workloads: [%s]
        """.formatted(STENCIL));
    assertEquals(SweepSpec.Combine.POINTS, points.combine());
    assertEquals(List.of("issue.dependence"), points.parameters());
    assertEquals("dependence=scoreboard", points.points().get(1).label());
  }

  @Test
  void gpuMayBeAConfigFileNextToTheSpec() throws Exception {
    write("mine.yaml", "extends: " + ROOT.resolve("configs/ampere/rtx-a6000.yaml")
        + "\nname: mine\nsmCount: 2\n");
    SweepSpec s = load("""
        gpu: mine.yaml
        axes: [{path: smCount, values: [1, 2]}]
        workloads: [%s]
        """.formatted(STENCIL));
    assertEquals(tmp.resolve("mine.yaml"), s.gpuFile());
  }

  @Test
  void eachKindOfMistakeNamesTheFileAndLine() throws Exception {
    String head = "gpu: rtx-a6000\naxes:\n";
    String tail = "workloads: [" + STENCIL + "]\n";
    // unknown parameter path: the line of its path
    assertEquals(tmp.resolve("bad.yaml") + ":3: point 0: frontEnd.prefetcher.entrys: unknown key "
        + "(expected one of entries, policy, prefetchesPerCycle, streamBuffers)",
        error(head + "  - path: frontEnd.prefetcher.entrys\n    values: [1]\n" + tail));
    // wrong type: the line of the value
    assertEquals(tmp.resolve("bad.yaml") + ":6: point 1: registerFile.cacheEnabled: expected "
        + "true or false, got an integer",
        error(head + "  - path: registerFile.cacheEnabled\n    values:\n      - true\n      - 3\n"
            + tail));
    // out of range
    assertTrue(error(head + "  - path: occupancy.subcores\n    values: [4, 9]\n" + tail)
        .endsWith("bad.yaml:4: point 1: occupancy.subcores: must be in 1..8, got 9"));
    // empty axis
    assertTrue(error(head + "  - path: smCount\n    values: []\n" + tail)
        .endsWith("bad.yaml:4: axes[0].values: empty axis: give at least one value"));
    assertTrue(error(head.replace("axes:\n", "axes: []\n") + tail)
        .endsWith("bad.yaml:2: axes: empty: give at least one {path, values} axis"));
    // missing workload
    assertTrue(error(head + "  - {path: smCount, values: [1]}\nworkloads:\n  - nowhere.sstrace\n")
        .contains("bad.yaml:5: workloads[0]: missing workload: no such file or folder"));
    assertTrue(error(head + "  - {path: smCount, values: [1]}\n")
        .endsWith("bad.yaml:1: workloads: missing (required)"));
    // a workload that is not a trace
    write("junk.sstrace", "not a trace");
    assertTrue(error(head + "  - {path: smCount, values: [1]}\nworkloads: [junk.sstrace]\n")
        .contains("bad.yaml:4: workloads[0]:"));
    // unknown GPU, metric, key, combine; bad baseline; zip of unequal axes; duplicates
    assertTrue(error("gpu: rtx-9999\naxes: [{path: smCount, values: [1]}]\n" + tail)
        .contains("bad.yaml:1: gpu: ") );
    assertTrue(error(head + "  - {path: smCount, values: [1]}\n" + tail + "metrics: [ipcc]\n")
        .contains("bad.yaml:5: metrics[0]: unknown metric 'ipcc'"));
    assertTrue(error(head + "  - {path: smCount, values: [1]}\n" + tail + "metric: [ipc]\n")
        .contains("bad.yaml:5: metric: unknown key"));
    assertTrue(error(head + "  - {path: smCount, values: [1]}\n" + tail + "combine: cross\n")
        .endsWith("bad.yaml:5: combine: expected product, zip or points, got 'cross'"));
    assertTrue(error(head + "  - {path: smCount, values: [1, 2]}\n" + tail + "baseline: 2\n")
        .endsWith("bad.yaml:5: baseline: must be in 0..1, got 2"));
    assertTrue(error("gpu: rtx-a6000\ncombine: zip\naxes:\n  - {path: smCount, values: [1, 2]}\n"
        + "  - {path: clocks.coreMhz, values: [1000]}\n" + tail)
        .endsWith("bad.yaml:5: axes[1].values: zip needs axes of equal length: 1 values here, 2 "
            + "in axes[0]"));
    assertTrue(error(head + "  - {path: smCount, values: [1, 1]}\n" + tail)
        .endsWith("bad.yaml:3: axes[0].values[1]: duplicate value 1"));
    assertTrue(error(head + "  - {path: smCount, values: [1]}\n  - {path: smCount, values: [2]}\n"
        + tail).endsWith("bad.yaml:4: axes[1].path: 'smCount' is already an axis"));
    assertTrue(error(head + "  - {path: smCount, values: [[1]]}\n" + tail)
        .endsWith("bad.yaml:3: axes[0].values[0]: expected a number, true/false or text, got a "
            + "list"));
    assertTrue(error(head + "  - {path: smCount, values: [1]}\nworkloads: [" + STENCIL + ", "
        + STENCIL + "]\n").contains("a second workload named 'stencil2d'"));
    assertTrue(error("gpu: rtx-a6000\npoints:\n  - {smCount: 1}\n  - {clocks.coreMhz: 2}\n"
        + tail).contains("bad.yaml:4: points[1]: sets [clocks.coreMhz] but points[0] sets "
        + "[smCount]"));
    assertTrue(error("gpu: rtx-a6000\npoints:\n  - {smCount: 1}\n  - {smCount: 1}\n" + tail)
        .endsWith("bad.yaml:4: points[1]: repeats an earlier point"));
    assertTrue(error(head + "  - {path: 'a..b', values: [1]}\n" + tail)
        .contains("bad.yaml:3: axes[0].path: 'a..b' is not a dotted config path"));
    assertTrue(error("gpu: [\n").contains("bad.yaml:"));
  }

  /**
   * Property: for random axes, product gives every combination exactly once in odometer order,
   * zip gives the i-th values together, and every point loads as a config.
   */
  @Test
  void randomAxesCombineAsSpecified() throws Exception {
    SplittableRandom random = new SplittableRandom(8);
    List<String> paths = List.of("smCount", "frontEnd.prefetcher.entries",
        "registerFile.readPortsPerBank", "launch.blockLaunchCycles");
    for (int round = 0; round < 12; round++) {
      int axes = 1 + random.nextInt(3);
      int zipLength = 1 + random.nextInt(4);
      boolean zip = random.nextBoolean();
      List<List<Long>> values = new ArrayList<>();
      StringBuilder spec = new StringBuilder("gpu: rtx-a6000\ncombine: "
          + (zip ? "zip" : "product") + "\naxes:\n");
      for (int a = 0; a < axes; a++) {
        int n = zip ? zipLength : 1 + random.nextInt(4);
        Set<Long> distinct = new HashSet<>();
        while (distinct.size() < n) {
          distinct.add(1L + random.nextInt(16));
        }
        List<Long> vs = new ArrayList<>(distinct);
        values.add(vs);
        spec.append("  - path: ").append(paths.get(a)).append("\n    values: ").append(vs)
            .append('\n');
      }
      spec.append("workloads: [").append(STENCIL).append("]\n");
      SweepSpec s = load(spec.toString());
      int expected = 1;
      for (List<Long> vs : values) {
        expected = zip ? vs.size() : expected * vs.size();
      }
      assertEquals(expected, s.points().size(), spec.toString());
      Set<Map<String, Object>> seen = new HashSet<>();
      for (SweepPoint p : s.points()) {
        assertTrue(seen.add(p.settings()), "each point once");
        int rest = p.index();
        for (int a = axes - 1; a >= 0; a--) {
          List<Long> vs = values.get(a);
          int at = zip ? p.index() : rest % vs.size();
          rest /= vs.size();
          assertEquals(vs.get(at), p.settings().get(paths.get(a)), spec + " point " + p.index());
        }
      }
    }
  }
}
