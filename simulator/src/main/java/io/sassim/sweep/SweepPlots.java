package io.sassim.sweep;

import io.sassim.isa.AtomicFiles;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The sweep's figures (PNG, XChart) in {@code plots/}:
 * <ul>
 *   <li>{@code METRIC-vs-PARAMETER.png}: each metric (cycles first) against each varied
 *       parameter, one series per workload (and per value of the other parameters);
 *   <li>{@code speedup.png}: every point's speed-up over the baseline point, per workload, with
 *       the geometric mean over workloads;
 *   <li>{@code heatmap-speedup.png}: with exactly two parameters, the geometric-mean speed-up
 *       over both.
 * </ul>
 * Parameter values are categories in spec order, so 0, 1, 2, 4, 8, 16 are evenly spaced and
 * true/false or policy names plot like numbers.
 */
public final class SweepPlots {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;

  private SweepPlots() {}

  /** Writes every figure; returns the files written, in order. */
  public static List<Path> write(SweepResults results, SweepStore store) throws InputException {
    List<Path> out = new ArrayList<>();
    SweepSpec spec = results.spec();
    List<String> metrics = new ArrayList<>();
    metrics.add("cycles");
    metrics.addAll(spec.metrics());
    for (String parameter : spec.parameters()) {
      for (String metric : metrics) {
        Path file = store.plots().resolve(safe(metric) + "-vs-"
            + safe(SweepPoint.shortName(parameter)) + ".png");
        save(againstParameter(results, parameter, metric), file);
        out.add(file);
      }
    }
    Path speedup = store.plots().resolve("speedup.png");
    save(speedups(results), speedup);
    out.add(speedup);
    if (spec.parameters().size() == 2) {
      Path heat = store.plots().resolve("heatmap-speedup.png");
      save(heatmap(results), heat);
      out.add(heat);
    }
    return out;
  }

  private static CategoryChart againstParameter(SweepResults results, String parameter,
      String metric) {
    SweepSpec spec = results.spec();
    List<String> categories = valuesOf(spec, parameter);
    // series name -> category -> value
    Map<String, Map<String, Double>> series = new LinkedHashMap<>();
    for (SweepResults.Row row : results.rows()) {
      PointResult r = row.result();
      StringBuilder name = new StringBuilder(r.workload());
      for (String other : spec.parameters()) {
        if (!other.equals(parameter)) {
          name.append(", ").append(SweepPoint.shortName(other)).append('=')
              .append(SweepPoint.text(r.settings().get(other)));
        }
      }
      double v = metric.equals("cycles") ? r.cycles() : r.metrics().get(metric).doubleValue();
      series.computeIfAbsent(name.toString(), k -> new LinkedHashMap<>())
          .put(SweepPoint.text(r.settings().get(parameter)), v);
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(metric + " vs " + SweepPoint.shortName(parameter) + " (" + spec.gpu() + ")")
        .xAxisTitle(parameter).yAxisTitle(metric).build();
    style(chart);
    for (Map.Entry<String, Map<String, Double>> e : series.entrySet()) {
      List<Double> ys = new ArrayList<>();
      for (String c : categories) {
        ys.add(e.getValue().getOrDefault(c, 0.0));
      }
      chart.addSeries(e.getKey(), categories, ys);
    }
    fitLegend(chart, series.size());
    return chart;
  }

  private static CategoryChart speedups(SweepResults results) {
    SweepSpec spec = results.spec();
    List<String> labels = new ArrayList<>();
    for (SweepPoint p : spec.points()) {
      labels.add(p.label());
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Speed-up over point " + spec.baseline() + " ("
            + spec.points().get(spec.baseline()).label() + "), " + spec.gpu())
        .xAxisTitle("point").yAxisTitle("speed-up (baseline cycles / cycles)").build();
    style(chart);
    chart.getStyler().setXAxisLabelRotation(labels.size() > 4 ? 20 : 0);
    int w = spec.workloads().size();
    double[] logSum = new double[labels.size()];
    for (int wi = 0; wi < w; wi++) {
      List<Double> ys = new ArrayList<>();
      for (int p = 0; p < labels.size(); p++) {
        double s = results.rows().get(p * w + wi).speedup();
        ys.add(s);
        logSum[p] += Math.log(s);
      }
      chart.addSeries(spec.workloads().get(wi).name(), labels, ys);
    }
    if (w > 1) {
      List<Double> mean = new ArrayList<>();
      for (double s : logSum) {
        mean.add(Math.exp(s / w));
      }
      chart.addSeries("geometric mean", labels, mean);
    }
    fitLegend(chart, w + (w > 1 ? 1 : 0));
    return chart;
  }

  private static HeatMapChart heatmap(SweepResults results) {
    SweepSpec spec = results.spec();
    String px = spec.parameters().get(0);
    String py = spec.parameters().get(1);
    List<String> xs = valuesOf(spec, px);
    List<String> ys = valuesOf(spec, py);
    double[][] logSum = new double[xs.size()][ys.size()];
    int[][] count = new int[xs.size()][ys.size()];
    for (SweepResults.Row row : results.rows()) {
      int x = xs.indexOf(SweepPoint.text(row.result().settings().get(px)));
      int y = ys.indexOf(SweepPoint.text(row.result().settings().get(py)));
      logSum[x][y] += Math.log(row.speedup());
      count[x][y]++;
    }
    List<Number[]> cells = new ArrayList<>();
    for (int x = 0; x < xs.size(); x++) {
      for (int y = 0; y < ys.size(); y++) {
        if (count[x][y] > 0) {
          cells.add(new Number[] {x, y, Math.exp(logSum[x][y] / count[x][y])});
        }
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Geometric-mean speed-up over point " + spec.baseline() + ", " + spec.gpu())
        .xAxisTitle(px).yAxisTitle(py).build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setHeatMapValueDecimalPattern("0.000");
    chart.getStyler().setLegendVisible(false); // each cell shows its value
    chart.addSeries("speed-up", xs, ys, cells);
    return chart;
  }

  /** The distinct values of {@code parameter} in point order. */
  private static List<String> valuesOf(SweepSpec spec, String parameter) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (SweepPoint p : spec.points()) {
      values.add(SweepPoint.text(p.settings().get(parameter)));
    }
    return new ArrayList<>(values);
  }

  private static void style(CategoryChart chart) {
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisDecimalPattern("#,##0.###");
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
  }

  /** A row under the plot holds about three entries; more go in a column beside it. */
  private static void fitLegend(CategoryChart chart, int series) {
    if (series > 3) {
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
      chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    }
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9_.+-]", "_");
  }

  private static void save(Chart<?, ?> chart, Path file) throws InputException {
    try {
      AtomicFiles.writeOutput(file, BitmapEncoder.getBitmapBytes(chart,
          BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot draw: " + e.getMessage(), e);
    }
  }
}
