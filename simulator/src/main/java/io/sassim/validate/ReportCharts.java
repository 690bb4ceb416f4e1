package io.sassim.validate;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart as PNG images. */
final class ReportCharts {
  static final int WIDTH = 800;
  static final int HEIGHT = 560;
  private static final int HISTOGRAM_BINS = 10;

  private ReportCharts() {}

  /**
   * Simulated against measured values on log axes with the y = x line, one series per suite. Log
   * axes need positive values, so a case simulated at zero is left off the chart (it stays in the
   * tables).
   */
  static byte[] scatter(List<CaseResult> results) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Simulated vs measured").xAxisTitle("measured (cycles)")
        .yAxisTitle("simulated (cycles)").build();
    XYStyler style = chart.getStyler();
    style.setXAxisLogarithmic(true);
    style.setYAxisLogarithmic(true);
    style.setLegendPosition(LegendPosition.InsideNW);
    style.setMarkerSize(9);
    style.setChartBackgroundColor(Color.WHITE);
    Map<String, List<CaseResult>> bySuite = new TreeMap<>();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (CaseResult r : results) {
      if (r.simulated() > 0 && r.measured() > 0) {
        bySuite.computeIfAbsent(r.validationCase().suite(), k -> new ArrayList<>()).add(r);
        lo = Math.min(lo, Math.min(r.simulated(), r.measured()));
        hi = Math.max(hi, Math.max(r.simulated(), r.measured()));
      }
    }
    if (bySuite.isEmpty()) {
      lo = 1;
      hi = 10;
    }
    // The diagonal spans a little more than the points so none sits on the frame.
    lo = lo / 1.5;
    hi = hi * 1.5;
    XYSeries diagonal = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line)
        .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
    for (Map.Entry<String, List<CaseResult>> e : bySuite.entrySet()) {
      List<CaseResult> rs = e.getValue();
      double[] x = new double[rs.size()];
      double[] y = new double[rs.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = rs.get(i).measured();
        y[i] = rs.get(i).simulated();
      }
      chart.addSeries(e.getKey(), x, y)
          .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    return png(chart);
  }

  /** How many cases fall in each band of absolute percentage error. */
  static byte[] errorHistogram(List<CaseResult> results) throws IOException {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Absolute percentage error").xAxisTitle("APE (%)").yAxisTitle("cases").build();
    CategoryStyler style = chart.getStyler();
    style.setLegendVisible(false);
    style.setAvailableSpaceFill(0.96);
    style.setXAxisDecimalPattern("#0.#");
    style.setChartBackgroundColor(Color.WHITE);
    List<Double> apes = new ArrayList<>();
    double max = 0;
    for (CaseResult r : results) {
      apes.add(r.ape());
      max = Math.max(max, r.ape());
    }
    if (apes.isEmpty()) {
      apes.add(0.0);
    }
    // The range ends on a round number (1, 2 or 5 times a power of ten) above every error, so
    // the bin centres read well and the largest error still falls inside the last bin.
    double top = 1;
    for (int step = 0; top <= max; step++) {
      top *= step % 3 == 1 ? 2.5 : 2;
    }
    Histogram h = new Histogram(apes, HISTOGRAM_BINS, 0, top);
    chart.addSeries("cases", h.getxAxisData(), h.getyAxisData());
    return png(chart);
  }

  /** MAPE per suite. */
  static byte[] suiteBars(Map<String, ErrorStatistics> suites) throws IOException {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("MAPE per suite").xAxisTitle("suite").yAxisTitle("MAPE (%)").build();
    CategoryStyler style = chart.getStyler();
    style.setLegendVisible(false);
    style.setLabelsVisible(true);
    style.setXAxisLabelRotation(suites.size() > 6 ? 45 : 0);
    style.setChartBackgroundColor(Color.WHITE);
    List<String> names = new ArrayList<>(suites.keySet());
    List<Double> mape = new ArrayList<>();
    for (String s : names) {
      // Two decimals are what the tables show; XChart prints a bar's label in full.
      mape.add(Math.round(suites.get(s).mape() * 100) / 100.0);
    }
    if (names.isEmpty()) {
      names.add("(no cases)");
      mape.add(0.0);
    }
    chart.addSeries("MAPE", names, mape);
    return png(chart);
  }

  private static byte[] png(Chart<?, ?> chart) throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }
}
