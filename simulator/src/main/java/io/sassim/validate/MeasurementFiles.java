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
import java.nio.file.Path;
import java.util.ArrayList;
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

  private final Path repoRoot;
  private final List<ValidationCase> cases = new ArrayList<>();
  private final List<SkippedCase> skipped = new ArrayList<>();
  private final List<String> inputs = new ArrayList<>();

  /** @param repoRoot what case ids and launch-spec paths are relative to */
  public MeasurementFiles(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  public List<ValidationCase> cases() {
    return List.copyOf(cases);
  }

  public List<SkippedCase> skipped() {
    return List.copyOf(skipped);
  }

  /** One line per file read: its path and what it holds. */
  public List<String> inputs() {
    return List.copyOf(inputs);
  }

  /** Reads {@code file} and adds its cases. */
  public void add(Path file) throws InputException {
    String schema = schemaOf(file);
    if (schema.equals(CaptureLoader.SCHEMA)) {
      addCapture(CaptureLoader.load(file, repoRoot));
    } else {
      addReference(ReferenceLoader.load(file, repoRoot));
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

  private void addCapture(Capture capture) {
    String source = capture.file().toString();
    inputs.add(source + ": hardware capture of " + capture.gpu() + " at "
        + capture.smClockMHz() + " MHz, " + capture.cases().size() + " cases");
    for (CapturedCase c : capture.cases()) {
      if (c.failed()) {
        skipped.add(new SkippedCase(c.caseId(), source, "failed on the GPU: " + c.error()));
      } else if (c.kind().equals(CapturedCase.KERNEL)) {
        cases.add(new ValidationCase(c.caseId(), "kernels", ValidationCase.KERNEL,
            repoRoot.resolve(c.spec()), c.arch(), -1, 1, c.cycles(), "cycles", source, null,
            null));
      } else if (c.caseId().equals(CLOCK_RATE)) {
        skipped.add(new SkippedCase(c.caseId(), source, "calibrates the SM clock (a clock delta"
            + " and a time in ns); not a latency to compare"));
      } else {
        addClocks(c, source);
      }
    }
  }

  /** Each clock of a microbenchmark is a case; a zero delta has no percentage error. */
  private void addClocks(CapturedCase c, String source) {
    for (int i = 0; i < c.clocks().size(); i++) {
      String id = c.caseId() + "#clocks[" + i + "]";
      double v = c.clocks().get(i);
      if (v > 0) {
        cases.add(new ValidationCase(id, suiteOf(c.caseId()), ValidationCase.MICROBENCH,
            repoRoot.resolve(c.spec()), c.arch(), i, 1, v, "cycles", source, null, null));
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
