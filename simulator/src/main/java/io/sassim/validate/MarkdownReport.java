package io.sassim.validate;

import java.util.Locale;
import java.util.Map;

/** {@code report.md}: the summary, per-suite statistics, every case and every skipped one. */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(ValidationReport r) {
    StringBuilder b = new StringBuilder();
    b.append("# sassim validation: ").append(r.gpu().name()).append("\n\n");
    b.append(heading(r)).append("\n\n");
    b.append("Simulation: ").append(r.simulation()).append(".\n\n");
    b.append("Inputs:\n\n");
    for (String in : r.inputs()) {
      b.append("- ").append(in).append('\n');
    }
    b.append("\n## Summary\n\n");
    if (r.overall() == null) {
      b.append("No case was compared.\n");
    } else {
      b.append("| | cases | MAPE | Pearson | RMSE | max APE | median APE |\n");
      b.append("|---|---:|---:|---:|---:|---:|---:|\n");
      row(b, "**all cycles**", r.overall());
      for (Map.Entry<String, ErrorStatistics> e : r.suites().entrySet()) {
        row(b, e.getKey(), e.getValue());
      }
    }
    b.append("\n## Cases\n\n");
    b.append("| case | suite | measured | simulated | APE | source |\n");
    b.append("|---|---|---:|---:|---:|---|\n");
    for (CaseResult c : r.results()) {
      ValidationCase v = c.validationCase();
      b.append("| ").append(cell(v.id())).append(" | ").append(cell(v.suite())).append(" | ")
          .append(value(v.measured())).append(v.note() == null ? "" : " ¹").append(" | ")
          .append(value(c.simulated())).append(" | ").append(percent(c.ape())).append(" | ")
          .append(cell(v.citation() != null ? v.citation() : v.source())).append(" |\n");
    }
    b.append("\n¹ not read as is, or measured in a particular way: the note column of results.csv"
        + " says how.\n");
    if (!r.skipped().isEmpty()) {
      b.append("\n## Skipped\n\n| case | source | reason |\n|---|---|---|\n");
      for (SkippedCase s : r.skipped()) {
        b.append("| ").append(cell(s.id())).append(" | ").append(cell(s.source())).append(" | ")
            .append(cell(s.reason())).append(" |\n");
      }
    }
    b.append("\nStatistics are defined in docs/validation.md (\"Statistics\").\n");
    return b.toString();
  }

  /** GPU config, revision and date in one line. */
  static String heading(ValidationReport r) {
    return "Config `" + r.gpu().name() + "` (" + r.gpu().description() + ", "
        + r.gpu().architecture() + ", " + r.gpu().smCount() + " SMs, "
        + value(r.gpu().clocks().coreMhz()) + " MHz); sassim "
        + (r.commit() == null ? "revision unknown" : r.commit()) + "; " + r.createdUtc();
  }

  private static void row(StringBuilder b, String name, ErrorStatistics s) {
    b.append("| ").append(cell(name)).append(" | ").append(s.cases()).append(" | ")
        .append(percent(s.mape())).append(" | ").append(pearson(s.pearson())).append(" | ")
        .append(value(s.rmse())).append(" | ").append(percent(s.maxApe())).append(" | ")
        .append(percent(s.medianApe())).append(" |\n");
  }

  static String percent(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v);
  }

  static String pearson(Double p) {
    return p == null ? "n/a" : String.format(Locale.ROOT, "%.4f", p);
  }

  /** Whole numbers as integers, others to four significant digits past the point. */
  static String value(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
