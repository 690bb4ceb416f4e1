package io.sassim.validate;

import io.sassim.sim.config.GpuConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one {@code sassim validate} run reports.
 *
 * @param simulation how the simulated numbers were made ({@link CaseSimulator#describe})
 * @param commit the sassim revision that simulated, or null when unknown
 * @param createdUtc when the report was made, ISO-8601
 * @param inputs one line per measurement file
 * @param overall the statistics over every compared cycle case (kernels and microbenchmarks,
 *     not counters); null when none was compared
 * @param suites the statistics of each suite, by suite name
 */
public record ValidationReport(
    GpuConfig gpu,
    String simulation,
    String commit,
    String createdUtc,
    List<String> inputs,
    List<CaseResult> results,
    List<SkippedCase> skipped,
    ErrorStatistics overall,
    Map<String, ErrorStatistics> suites) {

  public ValidationReport {
    inputs = List.copyOf(inputs);
    results = List.copyOf(results);
    skipped = List.copyOf(skipped);
    suites = Collections.unmodifiableMap(new TreeMap<>(suites));
  }

  /** The report of {@code outcome}, with its statistics computed. */
  public static ValidationReport of(GpuConfig gpu, String simulation, String commit,
      String createdUtc, List<String> inputs, Validation.Outcome outcome) {
    List<CaseResult> results = outcome.results();
    Map<String, List<CaseResult>> bySuite = new TreeMap<>();
    for (CaseResult r : results) {
      bySuite.computeIfAbsent(r.validationCase().suite(), k -> new ArrayList<>()).add(r);
    }
    Map<String, ErrorStatistics> suites = new TreeMap<>();
    bySuite.forEach((suite, rs) -> suites.put(suite, ErrorStatistics.of(rs)));
    List<CaseResult> cycles = cycleResults(results);
    ErrorStatistics overall = cycles.isEmpty() ? null : ErrorStatistics.of(cycles);
    return new ValidationReport(gpu, simulation, commit, createdUtc, inputs, results,
        outcome.skipped(), overall, suites);
  }

  /** The results in cycles: what the overall statistics and the charts cover. */
  public List<CaseResult> cycleResults() {
    return cycleResults(results);
  }

  private static List<CaseResult> cycleResults(List<CaseResult> results) {
    List<CaseResult> cycles = new ArrayList<>();
    for (CaseResult r : results) {
      if (r.validationCase().isCycles()) {
        cycles.add(r);
      }
    }
    return cycles;
  }

  /** One line for the terminal: cases compared and skipped, and the headline statistics. */
  public String summaryLine() {
    if (overall == null) {
      return "validate: 0 cases compared, " + skipped.size() + " skipped";
    }
    String line = String.format(java.util.Locale.ROOT,
        "validate: %d cases compared, %d skipped; MAPE %.2f%%, Pearson %s, RMSE %.1f cycles, "
            + "max APE %.2f%%", overall.cases(), skipped.size(), overall.mape(),
        MarkdownReport.pearson(overall.pearson()), overall.rmse(), overall.maxApe());
    ErrorStatistics instructions = suites.get("instructions");
    return instructions == null ? line : line + String.format(java.util.Locale.ROOT,
        "; warp instructions of %d launches: MAPE %.2f%%", instructions.cases(),
        instructions.mape());
  }
}
