package io.sassim.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the report folder: {@code results.csv}, {@code summary.json}, {@code report.md} and
 * {@code report.html}. Everything goes into a temporary folder beside the target, which is then
 * renamed into place, so a reader never sees a half-written report; an older report at the target
 * is replaced as a whole.
 */
public final class ReportFolder {
  public static final String SCHEMA = "sassim-validation-report";
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFolder() {}

  public static void write(Path dir, ValidationReport report) throws InputException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path temp = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
      Files.writeString(temp.resolve("results.csv"), csv(report), StandardCharsets.UTF_8);
      Files.writeString(temp.resolve("summary.json"), summaryJson(report), StandardCharsets.UTF_8);
      Files.writeString(temp.resolve("report.md"), MarkdownReport.render(report),
          StandardCharsets.UTF_8);
      Files.writeString(temp.resolve("report.html"), HtmlReport.render(report),
          StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        if (!Files.isDirectory(target)) {
          throw new InputException(dir.toString(), 0, "exists and is not a folder");
        }
        old = Files.createTempDirectory(parent, "." + target.getFileName() + "-old-");
        Files.delete(old);
        move(target, old);
      }
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new InputException(dir.toString(), 0, "cannot write the report: " + e.getMessage(),
          e);
    } finally {
      deleteTree(temp);
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover hidden temporary folder does not make the report wrong.
    }
  }

  /** One row per compared case; the header names the columns docs/validation.md describes. */
  static String csv(ValidationReport report) {
    StringBuilder b = new StringBuilder(
        "case,suite,kind,unit,measured,simulated,ape,source,citation,note\n");
    for (CaseResult r : report.results()) {
      ValidationCase c = r.validationCase();
      b.append(csvField(c.id())).append(',').append(csvField(c.suite())).append(',')
          .append(c.kind()).append(',').append(c.unit()).append(',')
          .append(number(c.measured())).append(',').append(number(r.simulated())).append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.ape())).append(',')
          .append(csvField(c.source())).append(',').append(csvField(c.citation())).append(',')
          .append(csvField(c.note())).append('\n');
    }
    return b.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String csvField(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  static String summaryJson(ValidationReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("schemaVersion", SCHEMA_VERSION);
    ErrorStatistics s = report.overall();
    m.put("cases", s == null ? 0 : s.cases());
    m.put("mape", s == null ? null : s.mape());
    m.put("pearson", s == null ? null : s.pearson());
    m.put("rmse", s == null ? null : s.rmse());
    m.put("maxApe", s == null ? null : s.maxApe());
    m.put("medianApe", s == null ? null : s.medianApe());
    Map<String, Object> suites = new LinkedHashMap<>();
    report.suites().forEach((name, st) -> suites.put(name, stats(st)));
    m.put("suites", suites);
    GpuConfig g = report.gpu();
    Map<String, Object> gpu = new LinkedHashMap<>();
    gpu.put("config", g.name());
    gpu.put("description", g.description());
    gpu.put("architecture", g.architecture());
    gpu.put("smCount", g.smCount());
    gpu.put("coreMhz", g.clocks().coreMhz());
    m.put("gpu", gpu);
    m.put("simulation", report.simulation());
    m.put("sassimCommit", report.commit());
    m.put("createdUtc", report.createdUtc());
    m.put("inputs", report.inputs());
    List<Map<String, Object>> skipped = new ArrayList<>();
    for (SkippedCase k : report.skipped()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("case", k.id());
      e.put("source", k.source());
      e.put("reason", k.reason());
      skipped.add(e);
    }
    m.put("skipped", skipped);
    try {
      return JSON.writeValueAsString(m) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("plain maps always serialise", e);
    }
  }

  private static Map<String, Object> stats(ErrorStatistics s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cases", s.cases());
    m.put("mape", s.mape());
    m.put("pearson", s.pearson());
    m.put("rmse", s.rmse());
    m.put("maxApe", s.maxApe());
    m.put("medianApe", s.medianApe());
    return m;
  }
}
