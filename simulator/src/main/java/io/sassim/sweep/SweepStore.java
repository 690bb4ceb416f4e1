package io.sassim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sassim.isa.AtomicFiles;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's output folder. Each finished task is one JSON file in {@code points/}, written to a
 * hidden temporary file and renamed into place, so a file either holds a whole result or does not
 * exist; the set of files is the sweep's progress, whatever killed it and wherever its tasks ran.
 *
 * <pre>
 * DIR/points/point-0003.sgemm_tiled.json   one per point x workload
 * DIR/traces/                              recorded traces of launch-spec workloads
 * DIR/slurm/                               task lists and logs of Slurm job arrays
 * DIR/results.csv, results.json, plots/    the aggregate, once every task has a result
 * </pre>
 */
public final class SweepStore {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  public SweepStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  public Path points() {
    return dir.resolve("points");
  }

  public Path traces() {
    return dir.resolve("traces");
  }

  public Path slurm() {
    return dir.resolve("slurm");
  }

  public Path plots() {
    return dir.resolve("plots");
  }

  /** Creates the folders. */
  public void create() throws InputException {
    try {
      Files.createDirectories(points());
      Files.createDirectories(traces());
    } catch (IOException e) {
      throw new InputException(dir.toString(), 0, "cannot create: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes temporary files that a killed run left in {@code points/} and {@code traces/}. Only
   * the process that drives the sweep calls it, before any task starts, so no live writer loses
   * its file.
   */
  public void removeLeftovers() throws InputException {
    for (Path folder : List.of(points(), traces())) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*")) {
        for (Path f : files) {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        throw new InputException(folder.toString(), 0, "cannot clean: " + e.getMessage(), e);
      }
    }
  }

  public Path fileOf(SweepTask task) {
    return points().resolve(task.fileName());
  }

  /** The result of {@code task}, or null when it has none or one from a different spec. */
  public PointResult read(SweepTask task, List<String> metrics) {
    Path file = fileOf(task);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      PointResult r = parse(JSON.readTree(file.toFile()));
      return r != null && r.answers(task, metrics) ? r : null;
    } catch (IOException e) {
      return null; // unreadable counts as missing: the task runs again and replaces it
    }
  }

  /** The tasks of {@code spec} without a current result, in task order. */
  public List<SweepTask> missing(SweepSpec spec) {
    List<SweepTask> out = new ArrayList<>();
    for (SweepTask t : spec.tasks()) {
      if (read(t, spec.metrics()) == null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Writes {@code result} as {@code task}'s file: a temporary file, then an atomic rename. */
  public void write(SweepTask task, PointResult result) throws InputException {
    AtomicFiles.writeOutput(fileOf(task), render(result));
  }

  static String render(PointResult r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("task", r.task());
    n.put("point", r.point());
    n.put("workload", r.workload());
    ObjectNode s = n.putObject("settings");
    r.settings().forEach((k, v) -> putValue(s, k, v));
    n.put("cycles", r.cycles());
    ObjectNode m = n.putObject("metrics");
    r.metrics().forEach((k, v) -> putValue(m, k, v));
    n.put("wallSeconds", r.wallSeconds());
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a tree of numbers and strings always serialises", e);
    }
  }

  static void putValue(ObjectNode n, String key, Object v) {
    if (v instanceof Long l) {
      n.put(key, l);
    } else if (v instanceof Integer i) {
      n.put(key, i);
    } else if (v instanceof Double d) {
      n.put(key, d);
    } else if (v instanceof Boolean b) {
      n.put(key, b);
    } else {
      n.put(key, String.valueOf(v));
    }
  }

  private static PointResult parse(JsonNode n) {
    if (!n.isObject() || !n.path("task").isInt() || !n.path("point").isInt()
        || !n.path("workload").isTextual() || !n.path("cycles").isIntegralNumber()
        || !n.path("settings").isObject() || !n.path("metrics").isObject()) {
      return null;
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.get("settings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      settings.put(e.getKey(), valueOf(e.getValue()));
    }
    Map<String, Number> metrics = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.get("metrics").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber()) {
        return null;
      }
      metrics.put(e.getKey(), (Number) valueOf(e.getValue()));
    }
    return new PointResult(n.get("task").intValue(), n.get("point").intValue(),
        n.get("workload").textValue(), settings, n.get("cycles").longValue(), metrics,
        n.path("wallSeconds").doubleValue());
  }

  private static Object valueOf(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.longValue();
    } else if (v.isNumber()) {
      return v.doubleValue();
    } else if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.asText();
  }
}
