package io.sassim.validate;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page, its charts embedded as base64 PNG images so it
 * opens anywhere without its folder.
 */
final class HtmlReport {

  private HtmlReport() {}

  static String render(ValidationReport r) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>sassim validation: ").append(esc(r.gpu().name())).append("</title>\n")
        .append("<style>\nbody{font-family:sans-serif;margin:2em;color:#222;background:#fff}\n")
        .append("table{border-collapse:collapse;margin:1em 0}\n")
        .append("td,th{border:1px solid #bbb;padding:3px 8px;font-size:0.9em}\n")
        .append("th{background:#e8eef6}td.n{text-align:right}\n")
        .append(".charts img{margin:0 1em 1em 0;border:1px solid #ccc}\n</style>\n")
        .append("</head>\n<body>\n");
    b.append("<h1>sassim validation: ").append(esc(r.gpu().name())).append("</h1>\n");
    b.append("<p>").append(esc(MarkdownReport.heading(r).replace("`", ""))).append("</p>\n");
    b.append("<p>Simulation: ").append(esc(r.simulation())).append(".</p>\n<ul>\n");
    for (String in : r.inputs()) {
      b.append("<li>").append(esc(in)).append("</li>\n");
    }
    b.append("</ul>\n<h2>Summary</h2>\n");
    if (r.overall() == null) {
      b.append("<p>No case was compared.</p>\n");
    } else {
      b.append("<table id=\"summary\">\n<tr><th></th><th>cases</th><th>MAPE</th><th>Pearson</th>")
          .append("<th>RMSE</th><th>max APE</th><th>median APE</th></tr>\n");
      row(b, "all cycles", r.overall());
      for (Map.Entry<String, ErrorStatistics> e : r.suites().entrySet()) {
        row(b, e.getKey(), e.getValue());
      }
      b.append("</table>\n");
    }
    b.append("<div class=\"charts\">\n");
    image(b, "scatter", "Simulated vs measured cycles, log axes, with y = x",
        ReportCharts.scatter(r.cycleResults()));
    image(b, "histogram", "Histogram of absolute percentage errors",
        ReportCharts.errorHistogram(r.cycleResults()));
    image(b, "suites", "MAPE per suite", ReportCharts.suiteBars(r.suites()));
    b.append("</div>\n<h2>Cases</h2>\n<table id=\"cases\">\n<tr><th>case</th><th>suite</th>")
        .append("<th>measured</th><th>simulated</th><th>APE</th><th>source</th></tr>\n");
    for (CaseResult c : r.results()) {
      ValidationCase v = c.validationCase();
      b.append("<tr><td>").append(esc(v.id())).append("</td><td>").append(esc(v.suite()))
          .append("</td><td class=\"n\"").append(v.note() == null ? "" : " title=\""
              + esc(v.note()) + "\"").append('>').append(MarkdownReport.value(v.measured()))
          .append(v.note() == null ? "" : "*").append("</td><td class=\"n\">")
          .append(MarkdownReport.value(c.simulated())).append("</td><td class=\"n\">")
          .append(MarkdownReport.percent(c.ape())).append("</td><td>")
          .append(esc(v.citation() != null ? v.citation() : v.source())).append("</td></tr>\n");
    }
    b.append("</table>\n<p>* the midpoint of a published range.</p>\n");
    if (!r.skipped().isEmpty()) {
      b.append("<h2>Skipped</h2>\n<table id=\"skipped\">\n<tr><th>case</th><th>source</th>")
          .append("<th>reason</th></tr>\n");
      for (SkippedCase s : r.skipped()) {
        b.append("<tr><td>").append(esc(s.id())).append("</td><td>").append(esc(s.source()))
            .append("</td><td>").append(esc(s.reason())).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void row(StringBuilder b, String name, ErrorStatistics s) {
    b.append("<tr><th>").append(esc(name)).append("</th><td class=\"n\">").append(s.cases())
        .append("</td><td class=\"n\">").append(MarkdownReport.percent(s.mape()))
        .append("</td><td class=\"n\">").append(MarkdownReport.pearson(s.pearson()))
        .append("</td><td class=\"n\">").append(MarkdownReport.value(s.rmse()))
        .append("</td><td class=\"n\">").append(MarkdownReport.percent(s.maxApe()))
        .append("</td><td class=\"n\">").append(MarkdownReport.percent(s.medianApe()))
        .append("</td></tr>\n");
  }

  private static void image(StringBuilder b, String id, String alt, byte[] png) {
    b.append("<img id=\"").append(id).append("\" width=\"").append(ReportCharts.WIDTH)
        .append("\" height=\"").append(ReportCharts.HEIGHT).append("\" alt=\"").append(esc(alt))
        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\">\n");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
