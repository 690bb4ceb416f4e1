package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.traces.SharedTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/sassim sweep} as a user runs it, killed with SIGKILL midway and started again:
 * only the missing points run, and the results equal an uninterrupted run's byte for byte.
 */
class SweepLauncherIT {

  static final Path ROOT = SharedTraces.repoRoot();

  @TempDir Path tmp;

  record Result(int code, String stdout, String stderr) {}

  static ProcessBuilder launcher(Path err, String... args) {
    List<String> command = new ArrayList<>(List.of("bash",
        ROOT.resolve("scripts/sassim").toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(err.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
  }

  static Result run(Path tmp, String... args) throws Exception {
    Path err = Files.createTempFile(tmp, "launcher", ".err");
    Process p = launcher(err, args).start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "sweep did not finish");
    return new Result(p.exitValue(), "", Files.readString(err));
  }

  /** 4 x 2 points on two corpus launches: 16 tasks. */
  static String spec() {
    return """
        gpu: rtx-a6000
        axes:
          - path: frontEnd.prefetcher.entries
            values: [0, 1, 4, 16]
          - path: registerFile.cacheEnabled
            values: [true, false]
        workloads:
          - %s
          - %s
        metrics: [ipc, registerFileCacheHits, prefetchHits]
        """.formatted(ROOT.resolve("traces/kernels/stencil2d/stencil2d.launch.yaml"),
        ROOT.resolve("traces/kernels/spmv_csr/spmv_csr.launch.yaml"));
  }

  private static Map<Path, FileTime> results(Path points) throws Exception {
    Map<Path, FileTime> out = new HashMap<>();
    if (!Files.isDirectory(points)) {
      return out;
    }
    try (Stream<Path> files = Files.list(points)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        out.put(f, Files.getLastModifiedTime(f));
      }
    }
    return out;
  }

  @Test
  void aSweepKilledMidwayResumesWithOnlyTheMissingPoints() throws Exception {
    Path spec = tmp.resolve("sweep.yaml");
    Files.writeString(spec, spec());
    Path killed = tmp.resolve("killed");
    Path points = killed.resolve("points");

    Path err = tmp.resolve("killed.err");
    Process p = launcher(err, "sweep", spec.toString(), "-o", killed.toString(),
        "--threads", "1", "--no-plots").start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (results(points).size() < 3 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "the sweep was still running when killed: " + Files.readString(err));
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    Map<Path, FileTime> kept = results(points);
    Map<Path, byte[]> keptBytes = new HashMap<>();
    for (Path f : kept.keySet()) {
      keptBytes.put(f, Files.readAllBytes(f));
    }
    assertTrue(kept.size() >= 3 && kept.size() < 16, "killed midway: " + kept.size());

    Result resumed = run(tmp, "sweep", spec.toString(), "-o", killed.toString(),
        "--threads", "2");
    assertEquals(0, resumed.code(), resumed.stderr());
    Matcher m = Pattern.compile("16 tasks; (\\d+) done, (\\d+) to run").matcher(resumed.stderr());
    assertTrue(m.find(), resumed.stderr());
    assertEquals(kept.size(), Integer.parseInt(m.group(1)), "every finished point was kept");
    assertEquals(16 - kept.size(), Integer.parseInt(m.group(2)), "only the missing points ran");
    for (Map.Entry<Path, FileTime> e : kept.entrySet()) {
      assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), "not rerun: " + e.getKey());
      assertArrayEquals(keptBytes.get(e.getKey()), Files.readAllBytes(e.getKey()));
    }
    assertEquals(16, results(points).size());
    try (Stream<Path> files = Files.list(points)) {
      assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("point-")),
          "the killed run's temporary files are gone");
    }

    Path whole = tmp.resolve("whole");
    Result uninterrupted = run(tmp, "sweep", spec.toString(), "-o", whole.toString(),
        "--threads", "2");
    assertEquals(0, uninterrupted.code(), uninterrupted.stderr());
    for (String f : List.of("results.csv", "results.json")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)),
          f + " of the resumed sweep equals an uninterrupted run's");
    }
    assertEquals(17, Files.readAllLines(whole.resolve("results.csv")).size());
    assertTrue(Files.isRegularFile(killed.resolve("plots/heatmap-speedup.png")));
  }
}
