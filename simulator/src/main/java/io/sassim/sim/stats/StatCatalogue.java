package io.sassim.sim.stats;

import io.sassim.sim.core.StallReason;

/**
 * Every per-kernel counter and stall reason with its key and one-line description, as the
 * Markdown tables that {@code sassim run --stats-descriptions} prints and docs/stats.md holds.
 */
public final class StatCatalogue {

  private StatCatalogue() {}

  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| JSON key | summary line | meaning |\n|---|---|---|\n");
    for (Stat s : Stat.values()) {
      row(b, s.key(), "sassim_" + s.key(), s.description());
    }
    b.append("\n| stall key | summary line | a sub-core issued nothing because |\n|---|---|---|\n");
    for (StallReason r : StallReason.values()) {
      row(b, StallKeys.of(r), "sassim_stall_" + StallKeys.of(r), r.description());
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String key, String line, String description) {
    b.append("| `").append(key).append("` | `").append(line).append("` | ")
        .append(description.replace("|", "\\|")).append(" |\n");
  }
}
