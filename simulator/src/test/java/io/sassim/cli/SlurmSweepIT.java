package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sassim.traces.SharedTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sassim sweep --executor slurm} on a real Slurm (scripts/ci/start-slurm.sh starts a
 * single-node one; .ci/run does so and sets SASSIM_REQUIRE_SLURM=1, which turns "skip when there
 * is no Slurm" into a failure).
 */
class SlurmSweepIT {

  static final Path ROOT = SharedTraces.repoRoot();

  @TempDir Path tmp;

  @BeforeAll
  static void slurmIsThere() throws Exception {
    String why = unavailable();
    if (why == null) {
      return;
    }
    if ("1".equals(System.getenv("SASSIM_REQUIRE_SLURM"))) {
      fail("SASSIM_REQUIRE_SLURM=1 but " + why + " (scripts/ci/start-slurm.sh starts one)");
    }
    System.err.println("SlurmSweepIT skipped: " + why
        + " (scripts/ci/start-slurm.sh installs and starts a single-node Slurm as root)");
    assumeTrue(false, why);
  }

  /** Null when sbatch exists and the controller answers; else why not. */
  private static String unavailable() throws Exception {
    Process p;
    try {
      // sinfo waits about 9 s for a controller that is down: bound it
      p = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      return "Slurm is not installed (no sinfo on the PATH)";
    }
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      return "the Slurm controller does not answer: " + out;
    }
    if (!out.contains("idle") && !out.contains("mixed") && !out.contains("allocated")) {
      return "no Slurm node can take jobs (sinfo: " + out + ")";
    }
    return null;
  }

  @Test
  void aSlurmSweepEqualsTheLocalOne() throws Exception {
    Path spec = tmp.resolve("sweep.yaml");
    Files.writeString(spec, """
        gpu: rtx-a6000
        axes:
          - {path: registerFile.readPortsPerBank, values: [1, 2]}
          - {path: issue.dependence, values: [control-bits, scoreboard]}
        workloads:
          - %s
          - %s
        metrics: [ipc, registerBankConflictCycles]
        """.formatted(ROOT.resolve("traces/kernels/stencil2d/stencil2d.launch.yaml"),
        ROOT.resolve("traces/kernels/spmv_csr/spmv_csr.launch.yaml")));
    long start = System.nanoTime();
    SweepLauncherIT.Result slurm = SweepLauncherIT.run(tmp, "sweep", spec.toString(), "-o",
        tmp.resolve("slurm").toString(), "--executor", "slurm", "--poll", "0.5");
    System.err.printf("SlurmSweepIT: 8 tasks through Slurm in %.1f s%n",
        (System.nanoTime() - start) / 1e9);
    assertEquals(0, slurm.code(), slurm.stderr());
    assertTrue(slurm.stderr().contains("submitted Slurm job array"), slurm.stderr());
    SweepLauncherIT.Result local = SweepLauncherIT.run(tmp, "sweep", spec.toString(), "-o",
        tmp.resolve("local").toString(), "--no-plots");
    assertEquals(0, local.code(), local.stderr());
    for (String f : List.of("results.csv", "results.json")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve(f)),
          Files.readAllBytes(tmp.resolve("slurm").resolve(f)), f);
    }
    assertEquals(9, Files.readAllLines(tmp.resolve("slurm/results.csv")).size());
  }

  @Test
  void failedTasksAreReportedAndOnlyTheyAreResubmitted() throws Exception {
    Path spec = tmp.resolve("sweep.yaml");
    // A 100-cycle watchdog stops the kernel at its first memory wait: that task fails.
    Files.writeString(spec, """
        gpu: rtx-a6000
        axes:
          - {path: watchdog.stallCycles, values: [5000000, 100]}
        workloads: [%s]
        """.formatted(ROOT.resolve("traces/kernels/stencil2d/stencil2d.launch.yaml")));
    Path out = tmp.resolve("out");
    SweepLauncherIT.Result first = SweepLauncherIT.run(tmp, "sweep", spec.toString(), "-o",
        out.toString(), "--executor", "slurm", "--poll", "0.5");
    assertEquals(4, first.code(), first.stderr());
    assertTrue(first.stderr().contains("1 of 2 tasks failed"), first.stderr());
    assertTrue(first.stderr().matches("(?s).*point 1 \\(stallCycles=100\\) on stencil2d: Slurm "
        + "task \\d+_1 FAILED.*watchdog.*\\(log: .*\\.log\\).*"), first.stderr());
    assertTrue(Files.isRegularFile(out.resolve("points/point-0000.stencil2d.json")));

    SweepLauncherIT.Result again = SweepLauncherIT.run(tmp, "sweep", spec.toString(), "-o",
        out.toString(), "--executor", "slurm", "--poll", "0.5");
    assertEquals(4, again.code(), again.stderr());
    assertTrue(again.stderr().contains("1 done, 1 to run (slurm)"), again.stderr());
    assertTrue(again.stderr().matches("(?s).*submitted Slurm job array \\d+ \\(1 tasks.*"),
        again.stderr());
  }
}
