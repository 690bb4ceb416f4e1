package io.sassim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sassim.isa.AtomicFiles;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every task's result in task order, with each row's speed-up over the baseline point on the
 * same workload ({@code baseline cycles / cycles}), written as {@code results.csv} and {@code
 * results.json}. Both are functions of the result files alone (no wall times), so a resumed
 * sweep and an uninterrupted one write identical bytes.
 */
public final class SweepResults {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One row: a result and its speed-up. */
  public record Row(PointResult result, double speedup) {}

  private final SweepSpec spec;
  private final List<Row> rows;

  private SweepResults(SweepSpec spec, List<Row> rows) {
    this.spec = spec;
    this.rows = List.copyOf(rows);
  }

  /** Reads every task's result; null when any is missing. */
  public static SweepResults collect(SweepSpec spec, SweepStore store) {
    List<PointResult> results = new ArrayList<>();
    for (SweepTask t : spec.tasks()) {
      PointResult r = store.read(t, spec.metrics());
      if (r == null) {
        return null;
      }
      results.add(r);
    }
    int workloads = spec.workloads().size();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      PointResult r = results.get(i);
      long base = results.get(spec.baseline() * workloads + i % workloads).cycles();
      rows.add(new Row(r, r.cycles() == 0 ? 0 : (double) base / r.cycles()));
    }
    return new SweepResults(spec, rows);
  }

  public SweepSpec spec() {
    return spec;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Writes {@code results.csv} and {@code results.json}, each atomically. */
  public void write(SweepStore store) throws InputException {
    AtomicFiles.writeOutput(store.dir().resolve("results.csv"), csv());
    AtomicFiles.writeOutput(store.dir().resolve("results.json"), json());
  }

  /**
   * {@code point, PARAMETER..., workload, cycles, METRIC..., speedup}: one row per point x
   * workload, in task order.
   */
  public String csv() {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add("point");
    header.addAll(spec.parameters());
    header.add("workload");
    header.add("cycles");
    header.addAll(spec.metrics());
    header.add("speedup");
    line(out, header);
    for (Row row : rows) {
      PointResult r = row.result();
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(r.point()));
      for (String p : spec.parameters()) {
        cells.add(SweepPoint.text(r.settings().get(p)));
      }
      cells.add(r.workload());
      cells.add(Long.toString(r.cycles()));
      for (String m : spec.metrics()) {
        cells.add(number(r.metrics().get(m)));
      }
      cells.add(number(row.speedup()));
      line(out, cells);
    }
    return out.toString();
  }

  /** Integers as they are; ratios to 6 decimals, which is past the model's resolution. */
  static String number(Number n) {
    if (n instanceof Double d) {
      return String.format(Locale.ROOT, "%.6f", d);
    }
    return String.valueOf(n);
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        c = "\"" + c.replace("\"", "\"\"") + "\"";
      }
      out.append(c);
    }
    out.append('\n');
  }

  /** The spec's shape and every row, as one JSON document. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("spec", spec.file().toString());
    root.put("gpu", spec.gpu());
    root.put("combine", spec.combine().key());
    ArrayNode params = root.putArray("parameters");
    spec.parameters().forEach(params::add);
    ArrayNode workloads = root.putArray("workloads");
    for (Workload w : spec.workloads()) {
      workloads.addObject().put("name", w.name()).put("path", w.path().toString())
          .put("kind", w.kind().name().toLowerCase(Locale.ROOT));
    }
    ArrayNode metrics = root.putArray("metrics");
    spec.metrics().forEach(metrics::add);
    ObjectNode baseline = root.putObject("baseline");
    SweepPoint b = spec.points().get(spec.baseline());
    baseline.put("point", b.index());
    ObjectNode bs = baseline.putObject("settings");
    b.settings().forEach((k, v) -> SweepStore.putValue(bs, k, v));
    ArrayNode list = root.putArray("rows");
    for (Row row : rows) {
      PointResult r = row.result();
      ObjectNode n = list.addObject();
      n.put("point", r.point());
      ObjectNode s = n.putObject("settings");
      r.settings().forEach((k, v) -> SweepStore.putValue(s, k, v));
      n.put("workload", r.workload());
      n.put("cycles", r.cycles());
      ObjectNode m = n.putObject("metrics");
      for (Map.Entry<String, Number> e : r.metrics().entrySet()) {
        SweepStore.putValue(m, e.getKey(), e.getValue());
      }
      n.put("speedup", row.speedup());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a tree of numbers and strings always serialises", e);
    }
  }
}
