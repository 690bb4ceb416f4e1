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
 * @param overall the statistics over every compared case; null when none was compared
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
    ErrorStatistics overall = results.isEmpty() ? null : ErrorStatistics.of(results);
    return new ValidationReport(gpu, simulation, commit, createdUtc, inputs, results,
        outcome.skipped(), overall, suites);
  }

  /** One line for the terminal: cases compared and skipped, and the headline statistics. */
  public String summaryLine() {
    if (overall == null) {
      return "validate: 0 cases compared, " + skipped.size() + " skipped";
    }
    return String.format(java.util.Locale.ROOT,
        "validate: %d cases compared, %d skipped; MAPE %.2f%%, Pearson %s, RMSE %.1f cycles, "
            + "max APE %.2f%%", overall.cases(), skipped.size(), overall.mape(),
        MarkdownReport.pearson(overall.pearson()), overall.rmse(), overall.maxApe());
  }
}
