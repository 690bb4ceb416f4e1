package io.sassim.sweep;

import io.sassim.sim.core.StallReason;
import io.sassim.sim.stats.RunReport;
import io.sassim.sim.stats.StallKeys;
import io.sassim.sim.stats.Stat;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics a sweep can collect, by the names {@code sassim run --json} gives them in its
 * {@code totals} block (docs/stats.md): every {@link Stat} key, {@code ipc}, {@code threadIpc},
 * {@code kernels}, {@code ctas}, and each issue-stall reason as {@code stalls.KEY}. Values are
 * summed over the workload's kernels; the two IPCs are ratios of those sums.
 */
public final class SweepMetrics {

  private static final String STALLS = "stalls.";

  private SweepMetrics() {}

  /** Every collectable name, in docs order. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Stat s : Stat.values()) {
      out.add(s.key());
    }
    out.add("ipc");
    out.add("threadIpc");
    out.add("kernels");
    out.add("ctas");
    for (StallReason r : StallReason.values()) {
      out.add(STALLS + StallKeys.of(r));
    }
    return out;
  }

  public static boolean known(String name) {
    return names().contains(name);
  }

  /** The value of {@code name} over a whole run: a Long, or a Double for the IPCs. */
  public static Number value(RunReport report, String name) {
    for (Stat s : Stat.values()) {
      if (s.key().equals(name)) {
        return report.total(s);
      }
    }
    switch (name) {
      case "ipc":
        return ratio(report.totalWarpInstructions(), report.totalCycles());
      case "threadIpc":
        return ratio(report.totalThreadInstructions(), report.totalCycles());
      case "kernels":
        return (long) report.kernels().size();
      case "ctas":
        return report.totalCtas();
      default:
        break;
    }
    for (StallReason r : StallReason.values()) {
      if ((STALLS + StallKeys.of(r)).equals(name)) {
        long sum = 0;
        for (RunReport.Kernel k : report.kernels()) {
          sum += k.stats().stalls(r);
        }
        return sum;
      }
    }
    throw new IllegalArgumentException("unknown metric " + name);
  }

  private static double ratio(long count, long cycles) {
    return cycles == 0 ? 0 : (double) count / cycles;
  }
}
