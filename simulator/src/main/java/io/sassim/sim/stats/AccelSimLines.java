package io.sassim.sim.stats;

import io.sassim.sim.core.StallReason;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The summary lines GPGPU-Sim / Accel-Sim print after each kernel and at exit, with the same keys
 * and meanings, so that scripts which scrape them ({@code get_stats.py}) read sassim's output
 * unchanged. As in Accel-Sim, {@code gpu_sim_insn} counts <em>thread</em> instructions (active
 * lanes of each issued warp instruction) and {@code gpu_ipc} is thread instructions per cycle;
 * warp instructions appear as {@code gpgpu_n_tot_w_icount} and in sassim's own {@code sassim_}
 * lines. docs/stats.md lists every line.
 */
public final class AccelSimLines {

  private AccelSimLines() {}

  /**
   * The lines for {@code kernel}, which {@code report} already holds as its latest kernel (so
   * that its totals include it, as Accel-Sim's do).
   */
  public static void kernel(PrintWriter out, RunReport.Kernel kernel, RunReport report) {
    KernelStats s = kernel.stats();
    long cycles = s.cycles();
    long insn = kernel.threadInstructions();
    out.println("kernel_name = " + s.name());
    out.println("kernel_launch_uid = " + kernel.launchUid());
    out.println("gpu_sim_cycle = " + cycles);
    out.println("gpu_sim_insn = " + insn);
    out.println("gpu_ipc = " + fixed(RunReport.ratio(insn, cycles)));
    out.println("gpu_tot_sim_cycle = " + report.totalCycles());
    out.println("gpu_tot_sim_insn = " + report.totalThreadInstructions());
    out.println("gpu_tot_ipc = " + fixed(RunReport.ratio(report.totalThreadInstructions(),
        report.totalCycles())));
    out.println("gpu_tot_issued_cta = " + report.totalCtas());
    out.println("gpgpu_n_tot_w_icount = " + report.totalWarpInstructions());
    out.println("sassim_kernel_id = " + s.kernelId());
    out.println("sassim_blocks_per_sm = " + s.blocksPerSm() + " (limited by "
        + s.occupancyLimit() + ")");
    out.println("sassim_dependence_mode = " + s.dependenceMode());
    out.println("sassim_warp_ipc = " + fixed(s.ipc()));
    for (Stat st : Stat.values()) {
      out.println("sassim_" + st.key() + " = " + s.get(st));
    }
    for (StallReason r : StallReason.values()) {
      out.println("sassim_stall_" + StallKeys.of(r) + " = " + s.stalls(r));
    }
    out.println();
  }

  /** The end-of-run lines: simulation time and rates, in Accel-Sim's units plus warp rates. */
  public static void summary(PrintWriter out, RunReport report, double wallSeconds) {
    long whole = (long) Math.floor(wallSeconds);
    out.printf(Locale.ROOT, "gpgpu_simulation_time = %d days, %d hrs, %d min, %d sec (%d sec)%n",
        whole / 86400, whole / 3600 % 24, whole / 60 % 60, whole % 60, whole);
    out.printf(Locale.ROOT, "gpgpu_simulation_rate = %d (inst/sec)%n",
        (long) RunReport.rate(report.totalThreadInstructions(), wallSeconds));
    out.printf(Locale.ROOT, "gpgpu_simulation_rate = %d (cycle/sec)%n",
        (long) RunReport.rate(report.totalCycles(), wallSeconds));
    out.printf(Locale.ROOT, "sassim_simulation_seconds = %.3f%n", wallSeconds);
    out.printf(Locale.ROOT, "sassim_simulation_rate = %d (warp inst/sec)%n",
        (long) RunReport.rate(report.totalWarpInstructions(), wallSeconds));
    out.println("sassim_kernels = " + report.kernels().size());
    out.println("sassim_tot_warp_insn = " + report.totalWarpInstructions());
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
