package io.sassim.validation.reference;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.yaml.Fields;
import io.sassim.isa.yaml.NodeReader;
import io.sassim.isa.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and checks the reference datasets in validation/reference (schema in docs/validation.md).
 * Besides the fields themselves it checks that each value names a microbenchmark whose launch spec
 * exists and loads, and whose clocks buffer has the clock the value reads, so a dataset cannot
 * point at a measurement the harness does not make. Every problem is an {@link InputException}
 * reading {@code file:line: field: problem}.
 */
public final class ReferenceLoader {
  public static final String SCHEMA = "sassim-reference";
  public static final int SCHEMA_VERSION = 1;
  /** Where the datasets live, relative to the repository root. */
  public static final Path DIR = Path.of("validation", "reference");
  /** Microbenchmark case ids start here. */
  static final String MICROBENCH = "validation/microbench/";

  private static final Set<String> GRADES = Set.of("A", "B", "C", "D");

  private ReferenceLoader() {}

  /** Every {@code *.json} under {@code repoRoot}/validation/reference, sorted by file name. */
  public static List<ReferenceDataset> loadAll(Path repoRoot) throws InputException {
    Path dir = repoRoot.resolve(DIR);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir.toString(), 0, "cannot list: " + e.getMessage(), e);
    }
    List<ReferenceDataset> out = new ArrayList<>();
    for (Path f : files) {
      out.add(load(f, repoRoot));
    }
    return out;
  }

  /** One dataset; microbenchmark ids resolve against {@code repoRoot}. */
  public static ReferenceDataset load(Path file, Path repoRoot) throws InputException {
    YamlNode root = YamlNode.readJsonFile(file);
    return new Reading(file, repoRoot).dataset(root);
  }

  private static final class Reading extends NodeReader {
    private final Path file;
    private final Path repoRoot;

    Reading(Path file, Path repoRoot) {
      super(file.toString());
      this.file = file;
      this.repoRoot = repoRoot;
    }

    ReferenceDataset dataset(YamlNode root) throws InputException {
      Fields top = fields(root, "",
          Set.of("schema", "schemaVersion", "gpu", "arch", "smCount", "note", "values"));
      String schema = text(top.require("schema"), "schema");
      if (!schema.equals(SCHEMA)) {
        throw error(top.get("schema"), "schema", "must be '" + SCHEMA + "', got '" + schema + "'");
      }
      integer(top.require("schemaVersion"), "schemaVersion", SCHEMA_VERSION, SCHEMA_VERSION);
      String gpu = text(top.require("gpu"), "gpu");
      String arch = text(top.require("arch"), "arch");
      if (!arch.matches("sm_\\d+a?")) {
        throw error(top.get("arch"), "arch", "must be a target such as sm_90, got '" + arch + "'");
      }
      Integer smCount = top.has("smCount")
          ? (int) integer(top.get("smCount"), "smCount", 1, 10_000)
          : null;
      if (top.has("note")) {
        text(top.get("note"), "note");
      }
      List<YamlNode> items = list(top.require("values"), "values");
      if (items.isEmpty()) {
        throw error(top.get("values"), "values", "must hold at least one value");
      }
      List<ReferenceValue> values = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        values.add(value(items.get(i), "values[" + i + "]", Architecture.parse(arch)));
      }
      return new ReferenceDataset(file, gpu, arch, smCount, values);
    }

    /** @param target the dataset's arch when the corpus is built for it, else null */
    private ReferenceValue value(YamlNode node, String path, Architecture target)
        throws InputException {
      Fields f = fields(node, path, Set.of("quantity", "value", "min", "max", "unit",
          "smClockMHz", "microbenchmark", "clock", "divideBy", "grade", "note", "citation"));
      String id = text(f.require("quantity"), f.pathOf("quantity"));
      Quantity quantity = Quantity.fromId(id);
      if (quantity == null) {
        throw error(f.get("quantity"), f.pathOf("quantity"), "unknown quantity '" + id
            + "' (see docs/validation.md for the list)");
      }
      Double value = optionalPositive(f, "value");
      Double min = optionalPositive(f, "min");
      Double max = optionalPositive(f, "max");
      checkRange(f, value, min, max);
      String unit = text(f.require("unit"), f.pathOf("unit"));
      if (!unit.equals("cycles")) {
        throw error(f.get("unit"), f.pathOf("unit"), "must be 'cycles', got '" + unit + "'");
      }
      Double clockMHz = optionalPositive(f, "smClockMHz");
      String bench = text(f.require("microbenchmark"), f.pathOf("microbenchmark"));
      int clock = (int) integer(f.require("clock"), f.pathOf("clock"), 0, Integer.MAX_VALUE);
      int divideBy = f.has("divideBy")
          ? (int) integer(f.get("divideBy"), f.pathOf("divideBy"), 1, Integer.MAX_VALUE)
          : 1;
      checkMicrobenchmark(f, bench, clock, target);
      String grade = text(f.require("grade"), f.pathOf("grade"));
      if (!GRADES.contains(grade)) {
        throw error(f.get("grade"), f.pathOf("grade"), "must be A, B, C or D, got '" + grade + "'");
      }
      String note = f.has("note") ? text(f.get("note"), f.pathOf("note")) : null;
      Citation citation = citation(f.require("citation"), f.pathOf("citation"));
      return new ReferenceValue(quantity, value, min, max, unit, clockMHz, bench, clock, divideBy,
          grade, note, citation);
    }

    private Double optionalPositive(Fields f, String key) throws InputException {
      if (!f.has(key)) {
        return null;
      }
      double v = real(f.get(key), f.pathOf(key));
      if (!(v > 0) || Double.isInfinite(v)) {
        throw error(f.get(key), f.pathOf(key), "must be a positive number, got " + v);
      }
      return v;
    }

    /** A value, a min-max range, or both with the value inside the range. */
    private void checkRange(Fields f, Double value, Double min, Double max) throws InputException {
      if ((min == null) != (max == null)) {
        String missing = min == null ? "min" : "max";
        throw error(f.node(), f.pathOf(missing), "missing (a range needs both min and max)");
      }
      if (value == null && min == null) {
        throw error(f.node(), f.pathOf("value"), "missing (give a value, a min-max range, or both)");
      }
      if (min != null && min > max) {
        throw error(f.get("max"), f.pathOf("max"), "must be at least min " + min + ", got " + max);
      }
      if (value != null && min != null && (value < min || value > max)) {
        throw error(f.get("value"), f.pathOf("value"),
            value + " lies outside its range " + min + ".." + max);
      }
    }

    /**
     * The microbenchmark's spec loads, has a clocks buffer with that clock, and has a binary for
     * the dataset's target when the corpus is built for it.
     */
    private void checkMicrobenchmark(Fields f, String bench, int clock, Architecture target)
        throws InputException {
      YamlNode at = f.get("microbenchmark");
      String path = f.pathOf("microbenchmark");
      if (!bench.startsWith(MICROBENCH) || bench.contains("..")) {
        throw error(at, path, "must be a case id under " + MICROBENCH + ", got '" + bench + "'");
      }
      Path specFile = repoRoot.resolve(bench + ".launch.yaml");
      if (!Files.isRegularFile(specFile)) {
        throw error(at, path, "no launch spec " + bench + ".launch.yaml");
      }
      LaunchSpec spec;
      try {
        spec = LaunchSpecLoader.load(specFile);
      } catch (InputException e) {
        throw error(at, path, "its launch spec does not load: " + e.getMessage());
      }
      BufferArg clocks = spec.clocksBuffer().orElse(null);
      if (clocks == null) {
        throw error(at, path, "its launch spec has no clocks buffer");
      }
      if (clock >= clocks.count()) {
        throw error(f.get("clock"), f.pathOf("clock"), "must be below " + clocks.count()
            + ", the size of the clocks buffer of " + bench + ", got " + clock);
      }
      if (target != null && !(spec.appliesTo(target) && Files.isRegularFile(spec.binaryFor(target)))) {
        throw error(at, path, "has no " + target.smName() + " binary, so it cannot run on this"
            + " dataset's GPU");
      }
    }

    private Citation citation(YamlNode node, String path) throws InputException {
      Fields c = fields(node, path, Set.of("source", "location", "url"));
      String source = text(c.require("source"), c.pathOf("source"));
      String location = text(c.require("location"), c.pathOf("location"));
      String url = c.has("url") ? text(c.get("url"), c.pathOf("url")) : null;
      if (url != null && !url.startsWith("https://")) {
        throw error(c.get("url"), c.pathOf("url"), "must be an https:// link, got '" + url + "'");
      }
      return new Citation(source, location, url);
    }
  }
}
