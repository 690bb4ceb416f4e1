package io.sassim.validation.capture;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.yaml.Fields;
import io.sassim.isa.yaml.NodeReader;
import io.sassim.isa.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a harness capture file for comparison with the simulator. It reads only the fields a
 * comparison uses, and checks each of them: the schema and its version, that the capture ran on a
 * GPU, and per case that its launch spec exists and loads, that the spec's kernel is the one the
 * case names, and that a finished case has its measurement (cycles for a kernel, the clocks
 * buffer for a microbenchmark). Other fields the harness writes are passed over, so a capture
 * keeps loading when the harness records more provenance. Every problem is an
 * {@link InputException} reading {@code file:line: field: problem}.
 */
public final class CaptureLoader {
  public static final String SCHEMA = "sassim-hardware-capture";
  public static final int SCHEMA_VERSION = 1;

  private CaptureLoader() {}

  /** One capture; case ids and spec paths resolve against {@code repoRoot}. */
  public static Capture load(Path file, Path repoRoot) throws InputException {
    YamlNode root = YamlNode.readJsonFile(file);
    return new Reading(file, repoRoot).capture(root);
  }

  private static final class Reading extends NodeReader {
    private final Path file;
    private final Path repoRoot;

    Reading(Path file, Path repoRoot) {
      super(file.toString());
      this.file = file;
      this.repoRoot = repoRoot;
    }

    Capture capture(YamlNode root) throws InputException {
      Fields top = open(root, "");
      String schema = text(top.require("schema"), "schema");
      if (!schema.equals(SCHEMA)) {
        throw error(top.get("schema"), "schema", "must be '" + SCHEMA + "', got '" + schema + "'");
      }
      integer(top.require("schemaVersion"), "schemaVersion", SCHEMA_VERSION, SCHEMA_VERSION);
      if (bool(top.require("dryRun"), "dryRun")) {
        throw error(top.get("dryRun"), "dryRun", "a dry-run capture holds no measurements");
      }
      Fields gpu = open(top.require("gpu"), "gpu");
      String name = text(gpu.require("name"), gpu.pathOf("name"));
      Integer smCount = gpu.get("smCount") == null || gpu.get("smCount").value() == null ? null
          : (int) integer(gpu.get("smCount"), gpu.pathOf("smCount"), 1, 10_000);
      Fields clock = open(top.require("clock"), "clock");
      double mhz = real(clock.require("mhz"), clock.pathOf("mhz"));
      if (!(mhz > 0) || Double.isInfinite(mhz)) {
        throw error(clock.get("mhz"), clock.pathOf("mhz"), "must be a positive number, got " + mhz);
      }
      String revision = top.get("sourceRevision") == null
          || top.get("sourceRevision").value() == null
          ? null : text(top.get("sourceRevision"), "sourceRevision");
      List<YamlNode> items = list(top.require("cases"), "cases");
      List<CapturedCase> cases = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        cases.add(capturedCase(items.get(i), "cases[" + i + "]"));
      }
      boolean profiled = present(top, "profiler");
      return new Capture(file, name, smCount, mhz, revision, profiled, cases);
    }

    private CapturedCase capturedCase(YamlNode node, String path) throws InputException {
      Fields f = open(node, path);
      String id = text(f.require("case"), f.pathOf("case"));
      String specPath = text(f.require("spec"), f.pathOf("spec"));
      String error = present(f, "error") ? text(f.get("error"), f.pathOf("error")) : null;
      LaunchSpec spec = spec(f, specPath);
      if (present(f, "kernel")) {
        String kernel = text(f.get("kernel"), f.pathOf("kernel"));
        if (!kernel.equals(spec.kernel())) {
          throw error(f.get("kernel"), f.pathOf("kernel"), "unknown kernel '" + kernel + "': "
              + specPath + " launches '" + spec.kernel() + "'");
        }
      }
      if (error != null) {
        // A failed case is reported as skipped; it need not carry a measurement.
        String kind = present(f, "kind") ? text(f.get("kind"), f.pathOf("kind")) : null;
        String arch = present(f, "arch") ? text(f.get("arch"), f.pathOf("arch")) : null;
        return new CapturedCase(id, specPath, kind, arch, null, List.of(), error, Map.of(),
            node.line());
      }
      String kind = text(f.require("kind"), f.pathOf("kind"));
      String arch = text(f.require("arch"), f.pathOf("arch"));
      if (Architecture.parse(arch) == null) {
        throw error(f.get("arch"), f.pathOf("arch"), "unknown target '" + arch + "'");
      }
      BufferArg clocksBuffer = spec.clocksBuffer().orElse(null);
      Map<String, Double> counters = counters(f);
      switch (kind) {
        case CapturedCase.KERNEL -> {
          long cycles = integer(f.require("cycles"), f.pathOf("cycles"), 1, Long.MAX_VALUE);
          return new CapturedCase(id, specPath, kind, arch, cycles, List.of(), null, counters,
              node.line());
        }
        case CapturedCase.MICROBENCH -> {
          if (clocksBuffer == null) {
            throw error(f.get("kind"), f.pathOf("kind"), "unknown microbenchmark: " + specPath
                + " has no clocks buffer");
          }
          List<YamlNode> values = list(f.require("clocks"), f.pathOf("clocks"));
          if (values.size() > clocksBuffer.count()) {
            throw error(f.get("clocks"), f.pathOf("clocks"), "holds " + values.size()
                + " values, but the clocks buffer of " + specPath + " has " + clocksBuffer.count());
          }
          List<Double> clocks = new ArrayList<>(values.size());
          for (int i = 0; i < values.size(); i++) {
            clocks.add(real(values.get(i), f.pathOf("clocks") + "[" + i + "]"));
          }
          Long cycles = present(f, "cycles")
              ? integer(f.get("cycles"), f.pathOf("cycles"), 0, Long.MAX_VALUE) : null;
          return new CapturedCase(id, specPath, kind, arch, cycles, clocks, null, counters,
              node.line());
        }
        default -> throw error(f.get("kind"), f.pathOf("kind"), "must be '" + CapturedCase.KERNEL
            + "' or '" + CapturedCase.MICROBENCH + "', got '" + kind + "'");
      }
    }

    /** The case's profiler metrics; each must be a number. */
    private Map<String, Double> counters(Fields f) throws InputException {
      if (!present(f, "counters")) {
        return Map.of();
      }
      Fields c = open(f.get("counters"), f.pathOf("counters"));
      Map<String, Double> counters = new TreeMap<>();
      for (String metric : c.map().keySet()) {
        counters.put(metric, real(c.get(metric), c.pathOf(metric)));
      }
      return counters;
    }

    /** The case's launch spec; one that is missing or does not load names an unknown kernel. */
    private LaunchSpec spec(Fields f, String specPath) throws InputException {
      YamlNode at = f.get("spec");
      String path = f.pathOf("spec");
      if (!specPath.endsWith(".launch.yaml") || specPath.contains("..")
          || Path.of(specPath).isAbsolute()) {
        throw error(at, path, "must be a launch spec path in the repository, got '" + specPath
            + "'");
      }
      Path specFile = repoRoot.resolve(specPath);
      if (!Files.isRegularFile(specFile)) {
        throw error(at, path, "unknown kernel: no launch spec " + specPath + " in " + repoRoot);
      }
      try {
        return LaunchSpecLoader.load(specFile);
      } catch (InputException e) {
        throw error(at, path, "its launch spec does not load: " + e.getMessage());
      }
    }

    /**
     * The mapping's fields without the unknown-key check of {@link NodeReader#fields}: the
     * capture holds far more than a comparison reads.
     */
    @SuppressWarnings("unchecked")
    private Fields open(YamlNode node, String path) throws InputException {
      if (!(node.value() instanceof Map)) {
        throw error(node, path.isEmpty() ? "document" : path,
            "expected a mapping, got " + node.typeName());
      }
      return new Fields(this, node, path, (Map<String, YamlNode>) node.value());
    }

    private static boolean present(Fields f, String key) {
      return f.get(key) != null && f.get(key).value() != null;
    }
  }
}
