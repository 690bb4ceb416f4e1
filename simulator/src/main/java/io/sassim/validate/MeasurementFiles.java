package io.sassim.validate;

import io.sassim.isa.InputException;
import io.sassim.isa.yaml.NodeReader;
import io.sassim.isa.yaml.YamlNode;
import io.sassim.validation.capture.Capture;
import io.sassim.validation.capture.CaptureLoader;
import io.sassim.validation.capture.CapturedCase;
import io.sassim.validation.reference.Citation;
import io.sassim.validation.reference.ReferenceDataset;
import io.sassim.validation.reference.ReferenceLoader;
import io.sassim.validation.reference.ReferenceValue;
import io.sassim.validation.profiler.NcuImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * Turns measurement files into validation cases. A file is a hardware capture or a reference
 * dataset, told apart by its {@code schema} field; each is read and checked by its own loader,
 * so a bad file fails here, before anything is simulated or written.
 */
public final class MeasurementFiles {
  /** The microbenchmark whose clocks calibrate the SM clock; they are not latencies. */
  static final String CLOCK_RATE = "validation/microbench/clock_rate/clock_rate";
  /** The profiler's count of executed warp instructions, compared with the simulated count. */
  static final String INSTRUCTIONS_METRIC = "smsp__inst_executed.sum";

  private final Path repoRoot;
  /** Captures and reference datasets in the order they were added. */
  private final List<Object> loaded = new ArrayList<>();
  private List<ValidationCase> cases;
  private List<SkippedCase> skipped;
  private List<String> inputs;

  /** @param repoRoot what case ids and launch-spec paths are relative to */
  public MeasurementFiles(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  public List<ValidationCase> cases() {
    resolve();
    return List.copyOf(cases);
  }

  public List<SkippedCase> skipped() {
    resolve();
    return List.copyOf(skipped);
  }

  /** One line per file read: its path and what it holds. */
  public List<String> inputs() {
    resolve();
    return List.copyOf(inputs);
  }

  /** Reads {@code file} and adds its cases. */
  public void add(Path file) throws InputException {
    String schema = schemaOf(file);
    if (schema.equals(CaptureLoader.SCHEMA)) {
      loaded.add(CaptureLoader.load(file, repoRoot));
    } else {
      loaded.add(ReferenceLoader.load(file, repoRoot));
    }
    cases = null;
  }

  /**
   * Turns everything added into cases. Which measurement of a case counts depends on all the
   * files (docs/validation.md, "Which measurement is compared"): a case measured in a capture
   * with profiler counters is compared on that measurement, and a case measured again in a later
   * file is listed as a repeat.
   */
  private void resolve() {
    if (cases != null) {
      return;
    }
    cases = new ArrayList<>();
    skipped = new ArrayList<>();
    inputs = new ArrayList<>();
    Map<String, String> profiled = new HashMap<>();
    for (Object o : loaded) {
      if (o instanceof Capture c && c.profiled()) {
        for (CapturedCase k : c.cases()) {
          if (!k.failed()) {
            profiled.putIfAbsent(k.caseId(), c.file().toString());
          }
        }
      }
    }
    Map<String, ValidationCase> seen = new HashMap<>();
    for (Object o : loaded) {
      if (o instanceof Capture c) {
        addCapture(c, profiled, seen);
      } else {
        addReference((ReferenceDataset) o);
      }
    }
  }

  /** The file's {@code schema}, which must name one of the two formats. */
  @SuppressWarnings("unchecked")
  private static String schemaOf(Path file) throws InputException {
    YamlNode root = YamlNode.readJsonFile(file);
    NodeReader reader = new NodeReader(file.toString());
    if (!(root.value() instanceof Map)) {
      throw reader.error(root, "document", "expected a mapping, got " + root.typeName());
    }
    YamlNode schema = ((Map<String, YamlNode>) root.value()).get("schema");
    if (schema == null || schema.value() == null) {
      throw reader.error(root, "schema", "missing (required): a measurement file is a hardware"
          + " capture ('" + CaptureLoader.SCHEMA + "') or a reference dataset ('"
          + ReferenceLoader.SCHEMA + "')");
    }
    String text = reader.text(schema, "schema");
    if (!text.equals(CaptureLoader.SCHEMA) && !text.equals(ReferenceLoader.SCHEMA)) {
      throw reader.error(schema, "schema", "must be '" + CaptureLoader.SCHEMA + "' or '"
          + ReferenceLoader.SCHEMA + "', got '" + text + "'");
    }
    return text;
  }

  private void addCapture(Capture capture, Map<String, String> profiled,
      Map<String, ValidationCase> seen) {
    String source = capture.file().toString();
    inputs.add(source + ": hardware capture of " + capture.gpu() + " at "
        + capture.smClockMHz() + " MHz, " + capture.cases().size() + " cases"
        + (capture.profiled() ? ", with Nsight Compute counters" : ""));
    for (CapturedCase c : capture.cases()) {
      if (c.failed()) {
        skipped.add(new SkippedCase(c.caseId(), source, "failed on the GPU: " + c.error()));
        continue;
      }
      String profiledIn = profiled.get(c.caseId());
      if (!capture.profiled() && profiledIn != null) {
        // Under the profiler each launch starts with flushed caches, as a simulation does, and
        // a kernel's cycles leave out the launch overhead that event timing includes.
        skipped.add(new SkippedCase(c.caseId(), source, "measured from cold caches in "
            + profiledIn + ", which is compared; here "
            + (c.kind().equals(CapturedCase.KERNEL) ? "event timing includes the launch overhead"
            : "a launch starts with the previous launch's lines cached")));
        continue;
      }
      if (c.caseId().equals(CLOCK_RATE)) {
        // Its spin runs for a set time, so neither its clocks nor its instruction count are a
        // property of the model to compare.
        skipped.add(new SkippedCase(c.caseId(), source, "calibrates the SM clock (a clock delta"
            + " and a time in ns, from a spin of fixed duration); not a latency or an instruction"
            + " count to compare"));
        continue;
      }
      addInstructions(c, source, seen);
      if (c.kind().equals(CapturedCase.KERNEL)) {
        String note = capture.profiled() ? "Nsight Compute " + NcuImport.CYCLE_METRIC
            + ", caches flushed before the launch"
            : "event timing: includes the launch overhead";
        addOnce(new ValidationCase(c.caseId(), "kernels", ValidationCase.KERNEL,
            repoRoot.resolve(c.spec()), c.arch(), -1, 1, c.cycles(), "cycles", source, null,
            note), seen);
      } else {
        addClocks(c, source, seen);
      }
    }
  }

  /** The executed warp instructions, where the profiler counted them. */
  private void addInstructions(CapturedCase c, String source, Map<String, ValidationCase> seen) {
    Double executed = c.counters().get(INSTRUCTIONS_METRIC);
    if (executed != null && executed > 0) {
      addOnce(new ValidationCase(c.caseId() + "#warp-instructions", "instructions",
          ValidationCase.COUNTER, repoRoot.resolve(c.spec()), c.arch(), -1, 1, executed,
          "warp instructions", source, null, "Nsight Compute " + INSTRUCTIONS_METRIC), seen);
    }
  }

  /** Adds {@code v} unless an earlier file measured the same case, which it lists instead. */
  private void addOnce(ValidationCase v, Map<String, ValidationCase> seen) {
    ValidationCase first = seen.putIfAbsent(v.id(), v);
    if (first == null) {
      cases.add(v);
    } else {
      skipped.add(new SkippedCase(v.id(), v.source(), String.format(Locale.ROOT,
          "a repeat of %s's measurement: %s here, %s there (%.1f%% apart)", first.source(),
          plain(v.measured()), plain(first.measured()),
          100 * Math.abs(v.measured() - first.measured()) / first.measured())));
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** Each clock of a microbenchmark is a case; a zero delta has no percentage error. */
  private void addClocks(CapturedCase c, String source, Map<String, ValidationCase> seen) {
    for (int i = 0; i < c.clocks().size(); i++) {
      String id = c.caseId() + "#clocks[" + i + "]";
      double v = c.clocks().get(i);
      if (v > 0) {
        addOnce(new ValidationCase(id, suiteOf(c.caseId()), ValidationCase.MICROBENCH,
            repoRoot.resolve(c.spec()), c.arch(), i, 1, v, "cycles", source, null, null), seen);
      } else {
        skipped.add(new SkippedCase(id, source, "measured " + v + "; a percentage error needs a"
            + " positive measurement"));
      }
    }
  }

  private void addReference(ReferenceDataset d) {
    String source = d.file().toString();
    inputs.add(source + ": published values for " + d.gpu() + " (" + d.arch() + "), "
        + d.values().size() + " values");
    for (ReferenceValue v : d.values()) {
      String id = v.quantity().id() + " @ " + d.gpu();
      if (v.microbenchmark() == null) {
        // The loader requires one today; a value without it could not be simulated.
        skipped.add(new SkippedCase(id, source, "names no microbenchmark to simulate"));
        continue;
      }
      double measured = v.value() != null ? v.value() : (v.min() + v.max()) / 2;
      String note = v.value() != null ? null
          : "midpoint of the published range " + v.min() + ".." + v.max();
      cases.add(new ValidationCase(id, suiteOf(v.microbenchmark()), ValidationCase.MICROBENCH,
          repoRoot.resolve(v.launchSpec()), d.arch(), v.clock(), v.divideBy(), measured,
          v.unit(), source, cite(v.citation()), note));
    }
  }

  /** A microbenchmark's suite is its folder: validation/microbench/pointer_chase/... */
  static String suiteOf(String caseId) {
    String[] parts = caseId.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : caseId;
  }

  private static String cite(Citation c) {
    return c.source() + "; " + c.location() + (c.url() == null ? "" : "; " + c.url());
  }
}
