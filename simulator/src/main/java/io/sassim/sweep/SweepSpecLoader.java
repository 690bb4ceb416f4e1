package io.sassim.sweep;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.yaml.Fields;
import io.sassim.isa.yaml.NodeReader;
import io.sassim.isa.yaml.YamlNode;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.model.TraceSource;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a sweep spec (docs/sweeps.md) and checks all of it before anything runs: the base GPU,
 * every point's config (through {@link GpuConfigLoader#load(Path, Map)}, so an unknown path or a
 * wrong type is found exactly as {@code --set} finds it), every workload and every metric. Each
 * problem is one {@link InputException} naming the spec file and the line of the offending value.
 */
public final class SweepSpecLoader {

  /** Names that are safe in a file name and a CSV cell. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

  private SweepSpecLoader() {}

  /** Reads and checks {@code file}; paths in it are relative to its folder. */
  public static SweepSpec load(Path file) throws InputException {
    return load(file, GpuConfigLoader.defaultConfigsDir());
  }

  /** As {@link #load(Path)}, resolving GPU names in {@code configsDir}. */
  public static SweepSpec load(Path file, Path configsDir) throws InputException {
    YamlNode root = YamlNode.readFile(file);
    return new Reading(file, configsDir).spec(root);
  }

  /** One load: the file for messages and for resolving relative paths. */
  private static final class Reading extends NodeReader {
    private final Path file;
    private final Path folder;
    private final Path configsDir;
    /** Line of each axis's {@code path:}, blamed when the path itself is wrong. */
    private final Map<String, Integer> pathLines = new HashMap<>();

    Reading(Path file, Path configsDir) {
      super(file.toString());
      this.file = file;
      Path parent = file.toAbsolutePath().getParent();
      this.folder = parent == null ? Path.of("") : parent;
      this.configsDir = configsDir;
    }

    SweepSpec spec(YamlNode root) throws InputException {
      Fields top = fields(root, "", Set.of("description", "gpu", "combine", "axes", "points",
          "workloads", "metrics", "baseline"));
      if (top.has("description")) {
        text(top.require("description"), "description");
      }
      YamlNode gpuNode = top.require("gpu");
      String gpu = text(gpuNode, "gpu");
      Path gpuFile = gpuFile(gpu, gpuNode);
      GpuConfig base = loadConfig(gpuFile, gpuNode, "gpu");

      SweepSpec.Combine combine = combine(top);
      List<String> parameters = new ArrayList<>();
      List<SweepPoint> points = combine == SweepSpec.Combine.POINTS
          ? explicitPoints(top, parameters)
          : axisPoints(top, combine, parameters);
      for (SweepPoint p : points) {
        checkPoint(gpuFile, p, top.node());
      }
      List<Workload> workloads = workloads(top.require("workloads"), base);
      List<String> metrics = metrics(top);
      int baseline = 0;
      if (top.has("baseline")) {
        baseline = (int) integer(top.require("baseline"), "baseline", 0, points.size() - 1);
      }
      return new SweepSpec(file, gpu, gpuFile, parameters, combine, points, workloads, metrics,
          baseline);
    }

    /** A name from {@code configs/}, or a config file relative to the spec. */
    private Path gpuFile(String gpu, YamlNode at) throws InputException {
      if (gpu.endsWith(".yaml") || gpu.endsWith(".yml")) {
        Path p = folder.resolve(gpu).normalize();
        if (!Files.isRegularFile(p)) {
          throw error(at, "gpu", "no such config file " + p);
        }
        return p;
      }
      try {
        return GpuConfigLoader.fileFor(gpu, configsDir);
      } catch (InputException e) {
        throw error(at, "gpu", e.getMessage());
      }
    }

    private GpuConfig loadConfig(Path gpuFile, YamlNode at, String path) throws InputException {
      try {
        return GpuConfigLoader.load(gpuFile, Map.of());
      } catch (InputException e) {
        throw error(at, path, e.getMessage());
      }
    }

    private SweepSpec.Combine combine(Fields top) throws InputException {
      if (!top.has("combine")) {
        return top.has("points") && !top.has("axes")
            ? SweepSpec.Combine.POINTS : SweepSpec.Combine.PRODUCT;
      }
      YamlNode n = top.require("combine");
      String c = text(n, "combine");
      for (SweepSpec.Combine k : SweepSpec.Combine.values()) {
        if (k.key().equals(c)) {
          return k;
        }
      }
      throw error(n, "combine", "expected product, zip or points, got '" + c + "'");
    }

    /** One axis: a path and its values, with the line of each value. */
    private record Axis(String path, List<Object> values, List<Integer> lines) {}

    private List<SweepPoint> axisPoints(Fields top, SweepSpec.Combine combine,
        List<String> parameters) throws InputException {
      if (top.has("points")) {
        throw error(top.get("points"), "points", "only with combine: points (this sweep combines "
            + "its axes as " + combine.key() + ")");
      }
      YamlNode axesNode = top.require("axes");
      List<YamlNode> list = list(axesNode, "axes");
      if (list.isEmpty()) {
        throw error(axesNode, "axes", "empty: give at least one {path, values} axis");
      }
      List<Axis> axes = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String where = "axes[" + i + "]";
        Fields f = fields(list.get(i), where, Set.of("path", "values"));
        YamlNode pathNode = f.require("path");
        String path = parameterPath(pathNode, f.pathOf("path"));
        if (parameters.contains(path)) {
          throw error(pathNode, f.pathOf("path"), "'" + path + "' is already an axis");
        }
        parameters.add(path);
        pathLines.put(path, pathNode.line());
        YamlNode valuesNode = f.require("values");
        List<YamlNode> values = list(valuesNode, f.pathOf("values"));
        if (values.isEmpty()) {
          throw error(valuesNode, f.pathOf("values"), "empty axis: give at least one value");
        }
        List<Object> vs = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
          Object v = scalar(values.get(j), f.pathOf("values") + "[" + j + "]");
          if (combine == SweepSpec.Combine.PRODUCT && vs.contains(v)) {
            throw error(values.get(j), f.pathOf("values") + "[" + j + "]",
                "duplicate value " + SweepPoint.text(v));
          }
          vs.add(v);
          lines.add(values.get(j).line());
        }
        axes.add(new Axis(path, vs, lines));
      }
      return combine == SweepSpec.Combine.ZIP ? zip(axes, list) : product(axes);
    }

    private static List<SweepPoint> product(List<Axis> axes) {
      List<SweepPoint> out = new ArrayList<>();
      int[] at = new int[axes.size()];
      while (true) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (int a = 0; a < axes.size(); a++) {
          settings.put(axes.get(a).path(), axes.get(a).values().get(at[a]));
          lines.put(axes.get(a).path(), axes.get(a).lines().get(at[a]));
        }
        out.add(new SweepPoint(out.size(), settings, lines));
        int a = axes.size() - 1; // the last axis varies fastest, like nested loops in spec order
        while (a >= 0 && ++at[a] == axes.get(a).values().size()) {
          at[a] = 0;
          a--;
        }
        if (a < 0) {
          return out;
        }
      }
    }

    private List<SweepPoint> zip(List<Axis> axes, List<YamlNode> nodes) throws InputException {
      int n = axes.get(0).values().size();
      for (int a = 1; a < axes.size(); a++) {
        if (axes.get(a).values().size() != n) {
          throw error(nodes.get(a), "axes[" + a + "].values", "zip needs axes of equal length: "
              + axes.get(a).values().size() + " values here, " + n + " in axes[0]");
        }
      }
      List<SweepPoint> out = new ArrayList<>();
      Set<Map<String, Object>> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Axis axis : axes) {
          settings.put(axis.path(), axis.values().get(i));
          lines.put(axis.path(), axis.lines().get(i));
        }
        if (!seen.add(settings)) {
          throw error(nodes.get(0), "axes", "zipped point " + i + " repeats an earlier point");
        }
        out.add(new SweepPoint(i, settings, lines));
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    private List<SweepPoint> explicitPoints(Fields top, List<String> parameters)
        throws InputException {
      if (top.has("axes")) {
        throw error(top.get("axes"), "axes", "not with combine: points (each point lists its "
            + "own settings)");
      }
      YamlNode pointsNode = top.require("points");
      List<YamlNode> list = list(pointsNode, "points");
      if (list.isEmpty()) {
        throw error(pointsNode, "points", "empty: give at least one point");
      }
      List<SweepPoint> out = new ArrayList<>();
      Set<Map<String, Object>> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String where = "points[" + i + "]";
        YamlNode node = list.get(i);
        if (!(node.value() instanceof Map)) {
          throw error(node, where, "expected a mapping of PATH: VALUE, got " + node.typeName());
        }
        Map<String, YamlNode> map = (Map<String, YamlNode>) node.value();
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
          String path = parameterPath(new YamlNode(e.getKey(), e.getValue().line()),
              where + "." + e.getKey());
          settings.put(path, scalar(e.getValue(), where + "." + path));
          lines.put(path, e.getValue().line());
        }
        if (i == 0) {
          parameters.addAll(settings.keySet());
        } else if (!Set.copyOf(parameters).equals(settings.keySet())) {
          throw error(node, where, "sets " + settings.keySet() + " but points[0] sets "
              + parameters + ": every point sets the same paths");
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String p : parameters) {
          ordered.put(p, settings.get(p));
        }
        if (!seen.add(ordered)) {
          throw error(node, where, "repeats an earlier point");
        }
        out.add(new SweepPoint(i, ordered, lines));
      }
      return out;
    }

    private String parameterPath(YamlNode node, String where) throws InputException {
      String path = text(node, where);
      for (String part : path.split("\\.", -1)) {
        if (part.isEmpty() || part.strip().length() != part.length()) {
          throw error(node, where, "'" + path + "' is not a dotted config path such as "
              + "frontEnd.prefetcher.entries");
        }
      }
      return path;
    }

    /** An axis value as {@link GpuConfigLoader#load(Path, Map)} takes it. */
    private Object scalar(YamlNode node, String where) throws InputException {
      Object v = node.value();
      if (v instanceof BigInteger b) {
        if (b.bitLength() > 63) {
          throw error(node, where, "integer out of range: " + b);
        }
        return b.longValue();
      }
      if (v instanceof Double || v instanceof Boolean || v instanceof String) {
        return v;
      }
      throw error(node, where, "expected a number, true/false or text, got " + node.typeName());
    }

    /**
     * Loads the point's config. The loader names an override's problem as {@code override:
     * PATH: problem}; it is re-aimed at the spec line that gave PATH's value.
     */
    private void checkPoint(Path gpuFile, SweepPoint p, YamlNode top) throws InputException {
      try {
        GpuConfigLoader.load(gpuFile, p.settings());
      } catch (InputException e) {
        if (!"override".equals(e.file())) {
          throw new InputException(file.toString(), top.line(), "point " + p.index() + " ("
              + p.label() + "): " + e.getMessage(), e);
        }
        String blamed = null;
        for (String path : p.settings().keySet()) {
          if (e.problem().startsWith(path + ":") || e.problem().startsWith(path + ".")) {
            if (blamed == null || path.length() > blamed.length()) {
              blamed = path;
            }
          }
        }
        int line = blamed == null ? p.lines().values().stream().min(Integer::compare).orElse(0)
            : pathIsWrong(e.problem()) ? pathLines.getOrDefault(blamed, p.lines().get(blamed))
            : p.lines().get(blamed);
        throw new InputException(file.toString(), line, "point " + p.index() + ": "
            + e.problem(), e);
      }
    }

    /** Whether the loader rejected the path rather than the value given for it. */
    private static boolean pathIsWrong(String problem) {
      return problem.contains("unknown key") || problem.contains("not a mapping with fields")
          || problem.contains("not a dotted field path");
    }

    private List<Workload> workloads(YamlNode node, GpuConfig base) throws InputException {
      List<YamlNode> list = list(node, "workloads");
      if (list.isEmpty()) {
        throw error(node, "workloads", "empty: give at least one trace or launch spec");
      }
      List<Workload> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String where = "workloads[" + i + "]";
        YamlNode n = list.get(i);
        String given;
        String name = null;
        YamlNode at = n;
        if (n.value() instanceof Map) {
          Fields f = fields(n, where, Set.of("name", "path"));
          at = f.require("path");
          given = text(at, f.pathOf("path"));
          if (f.has("name")) {
            name = text(f.require("name"), f.pathOf("name"));
            if (!NAME.matcher(name).matches()) {
              throw error(f.get("name"), f.pathOf("name"), "'" + name + "' is not a plain name "
                  + "(letters, digits, _ . + -)");
            }
          }
        } else {
          given = text(n, where);
        }
        Path path = folder.resolve(given).normalize();
        if (!Files.exists(path)) {
          throw error(at, where, "missing workload: no such file or folder " + path);
        }
        Workload.Kind kind = isLaunchSpec(path) ? Workload.Kind.LAUNCH : Workload.Kind.TRACE;
        checkWorkload(path, kind, at, where, base);
        if (name == null) {
          name = defaultName(path);
        }
        if (!names.add(name)) {
          throw error(at, where, "a second workload named '" + name + "'; give one of them a "
              + "name: {name: NAME, path: " + given + "}");
        }
        out.add(new Workload(name, path, kind));
      }
      return out;
    }

    private void checkWorkload(Path path, Workload.Kind kind, YamlNode at, String where,
        GpuConfig base) throws InputException {
      try {
        if (kind == Workload.Kind.LAUNCH) {
          LaunchSpec spec = LaunchSpecLoader.load(path);
          LaunchTraces.architecture(spec, base);
        } else {
          try (TraceSource source = TraceFiles.open(path)) {
            source.commands();
          }
        }
      } catch (InputException e) {
        throw error(at, where, e.getMessage());
      }
    }

    private List<String> metrics(Fields top) throws InputException {
      List<String> out = new ArrayList<>();
      if (!top.has("metrics")) {
        return out;
      }
      List<YamlNode> list = list(top.require("metrics"), "metrics");
      for (int i = 0; i < list.size(); i++) {
        String m = text(list.get(i), "metrics[" + i + "]");
        if (!SweepMetrics.known(m)) {
          throw error(list.get(i), "metrics[" + i + "]", "unknown metric '" + m + "' (known: "
              + String.join(", ", SweepMetrics.names()) + ")");
        }
        if (m.equals("cycles") || out.contains(m)) {
          continue; // cycles is always a column; a repeat adds nothing
        }
        out.add(m);
      }
      return out;
    }
  }

  static boolean isLaunchSpec(Path path) {
    String n = path.getFileName().toString();
    return Files.isRegularFile(path) && (n.endsWith(".yaml") || n.endsWith(".yml"));
  }

  /** {@code sgemm_tiled} for {@code sgemm_tiled.launch.yaml}, {@code run} for {@code run.sstrace}. */
  static String defaultName(Path path) {
    String n = path.getFileName().toString();
    for (String ext : List.of(".launch.yaml", ".launch.yml", ".yaml", ".yml", ".sstrace",
        ".traceg.xz", ".traceg", ".g")) {
      if (n.endsWith(ext) && n.length() > ext.length()) {
        n = n.substring(0, n.length() - ext.length());
        break;
      }
    }
    if ("kernelslist".equals(n) && path.getParent() != null
        && path.getParent().getFileName() != null) {
      n = path.getParent().getFileName().toString();
    }
    String safe = n.replaceAll("[^A-Za-z0-9_.+-]", "_");
    return safe.startsWith(".") || safe.startsWith("-") ? "w" + safe : safe;
  }


}
