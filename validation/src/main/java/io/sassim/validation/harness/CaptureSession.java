package io.sassim.validation.harness;

import com.google.common.hash.Hashing;
import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.launch.ScalarArg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One capture: discover specs, run each case, and keep the capture file up to date after every
 * case, so a capture cut short still leaves every finished case on disk.
 */
final class CaptureSession {

  /** What a capture was asked to do (the command line, resolved). */
  record Config(Path repoRoot, List<Path> roots, List<String> only, List<Architecture> archs,
      int runs, int warmup, double caseTimeoutS, double budgetS, boolean dryRun, Path outDir,
      String sourceRevision) {}

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Config config;
  private final CudaDevice device; // null for a dry run
  private final CaseRunner runner;
  private final PrintStream log;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final long startNanos = System.nanoTime();

  private CaptureReport.Gpu gpu;
  private CaptureReport.Software software;
  private CaptureReport.Clock clock;
  private final List<CaptureReport.CaseRecord> cases = new ArrayList<>();
  private final List<CaptureReport.Skipped> skipped = new ArrayList<>();
  private Path output;

  CaptureSession(Config config, CudaDevice device, CaseRunner runner, PrintStream log) {
    this.config = config;
    this.device = device;
    this.runner = runner;
    this.log = log;
  }

  /** Runs the capture and returns the file written. */
  Path run() throws InputException, IOException {
    List<Path> specs = SpecDiscovery.find(config.repoRoot(), config.roots(), config.only());
    software = device == null ? CaptureReport.Software.of(NvidiaDriver.version(), null)
        : CudaDevice.software();
    gpu = device == null ? null : device.describe();
    output = outputFile(gpu == null ? "dry-run" : slug(gpu.name()));
    log.printf("capture: %d specs, archs %s, writing %s%n", specs.size(), config.archs(), output);
    List<CaptureReport.ClockSample> before = calibrate("before");
    clock = clockRecord(before, null);
    write(false);
    for (int i = 0; i < specs.size(); i++) {
      if (!runCase(specs.get(i), i, specs.size())) {
        for (Path rest : specs.subList(i + 1, specs.size())) {
          skip(rest, "not run: the device hung in an earlier case");
        }
        clock = clockRecord(before, null);
        write(true);
        logSummary();
        return output;
      }
      write(false);
    }
    clock = clockRecord(before, calibrate("after"));
    write(true);
    logSummary();
    return output;
  }

  /** One line for logs and the capture script: counts and the clock cycles were computed with. */
  private void logSummary() {
    long failed = cases.stream().filter(c -> c.error() != null).count();
    log.printf(Locale.ROOT, "summary: %d cases, %d ok, %d failed, %d skipped; SM clock %s%n",
        cases.size(), cases.size() - failed, failed, skipped.size(),
        clock == null || clock.mhz() == null ? "not measured (" + (clock == null ? "none"
            : clock.source()) + ")"
            : String.format(Locale.ROOT, "%.1f MHz (%s)", clock.mhz(), clock.source()));
  }

  /** Runs one case; false when the device hung and the capture must stop. */
  private boolean runCase(Path specFile, int index, int total) throws IOException {
    String id = SpecDiscovery.caseId(config.repoRoot(), specFile);
    String specPath = SpecDiscovery.relative(config.repoRoot(), specFile);
    String tag = String.format(Locale.ROOT, "[%2d/%d] %s", index + 1, total, id);
    double budgetLeftS = config.budgetS() > 0
        ? config.budgetS() - (System.nanoTime() - startNanos) / 1e9
        : Double.POSITIVE_INFINITY;
    if (budgetLeftS <= 0) {
      skip(specFile, "not run: the capture's time budget of " + config.budgetS() + " s ran out");
      log.println(tag + " skipped: time budget exhausted");
      return true;
    }
    LaunchSpec spec;
    try {
      spec = LaunchSpecLoader.load(specFile);
    } catch (InputException e) {
      cases.add(errorRecord(id, specPath, e.getMessage()));
      log.println(tag + " FAILED: " + e.getMessage());
      return true;
    }
    Architecture arch = PreparedLaunch.chooseArch(spec, config.archs());
    if (arch == null) {
      skip(specFile, "no binary for " + config.archs() + (spec.archs().isEmpty() ? ""
          : " among the spec's archs " + spec.archs()));
      log.println(tag + " skipped: no binary for " + config.archs());
      return true;
    }
    long t0 = System.nanoTime();
    PreparedLaunch launch;
    try {
      launch = PreparedLaunch.prepare(id, spec, arch);
    } catch (IOException | RuntimeException e) {
      cases.add(errorRecord(id, specPath, "preparing the launch: " + e));
      log.println(tag + " FAILED preparing: " + e);
      return true;
    }
    long deadline = t0 + (long) (Math.min(config.caseTimeoutS(), budgetLeftS) * 1e9);
    Measurement m = runner.run(launch, deadline);
    boolean reset = false;
    if (m.error() != null && !m.hung() && device != null) {
      try {
        reset = device.recoverIfBroken();
      } catch (CudaCallException e) {
        cases.add(record(launch, specPath, m, false, (System.nanoTime() - t0) / 1e6));
        log.println(tag + " FAILED and the context could not be replaced: " + e.getMessage());
        return false;
      }
    }
    CaptureReport.CaseRecord r = record(launch, specPath, m, reset, (System.nanoTime() - t0) / 1e6);
    cases.add(r);
    log.println(tag + " " + arch + " " + describe(r));
    return !m.hung();
  }

  private String describe(CaptureReport.CaseRecord r) {
    if (r.error() != null) {
      return "FAILED: " + r.error();
    }
    if (r.medianMs() == null) {
      return "prepared (" + r.params().size() + " params)";
    }
    return String.format(Locale.ROOT, "ok median %.4f ms%s%s", r.medianMs(),
        r.cycles() == null ? "" : " = " + r.cycles() + " cycles",
        r.clocks().isEmpty() ? "" : ", clocks " + r.clocks().subList(0, Math.min(4, r.clocks().size())));
  }

  private CaptureReport.CaseRecord record(PreparedLaunch launch, String specPath, Measurement m,
      boolean reset, double wallMs) throws IOException {
    LaunchSpec spec = launch.spec();
    List<CaptureReport.Param> params = new ArrayList<>();
    int buffer = 0;
    for (KernelArg arg : spec.args()) {
      if (arg instanceof BufferArg b) {
        params.add(new CaptureReport.Param(b.name(), "buffer", b.type().specName(),
            b.paramBytes(), b.count(), b.byteSize(), b.output(), b.clocks(),
            Hashing.sha256().hashBytes(launch.buffers().get(buffer++)).toString(), null, null));
      } else {
        ScalarArg s = (ScalarArg) arg;
        params.add(new CaptureReport.Param(s.name(), "scalar", s.type().specName(),
            s.paramBytes(), null, null, null, null, null, s.value(),
            HexFormat.of().formatHex(s.toBytes())));
      }
    }
    Double median = m.timesMs().isEmpty() ? null : Timing.median(m.timesMs());
    String binarySha256 = Hashing.sha256().hashBytes(launch.binaryBytes()).toString();
    CaptureReport.CaseRecord r = new CaptureReport.CaseRecord(launch.caseId(), specPath,
        spec.clocksBuffer().isPresent() ? "microbench" : "kernel", spec.kernel(),
        launch.arch().smName(), SpecDiscovery.relative(config.repoRoot(), launch.binary()),
        binarySha256, Toolchain.of(launch.binary(), binarySha256), spec.grid().toArray(),
        spec.block().toArray(), spec.dynamicSharedBytes(), spec.repeat(), params, m.registers(),
        m.staticSharedBytes(), m.localBytes(), m.timesMs(), median, null, m.clocks(),
        m.outputsSha256(), null, Math.round(wallMs * 1000) / 1000.0, reset, m.error());
    return r.withProvenance(provenance());
  }

  private static CaptureReport.CaseRecord errorRecord(String id, String specPath, String error) {
    return new CaptureReport.CaseRecord(id, specPath, null, null, null, null, null, null, null,
        null, 0, 0, List.of(), null, null, null, List.of(), null, null, List.of(), Map.of(), null,
        0, false, error);
  }

  private void skip(Path specFile, String reason) {
    skipped.add(new CaptureReport.Skipped(SpecDiscovery.caseId(config.repoRoot(), specFile),
        SpecDiscovery.relative(config.repoRoot(), specFile), reason));
  }

  /** Clock samples from the clock_rate kernel; null when there is no device or no kernel. */
  private List<CaptureReport.ClockSample> calibrate(String when) {
    if (device == null) {
      return null;
    }
    Path binary = ClockCalibrator.findBinary(config.repoRoot(), config.archs());
    if (binary == null) {
      return null;
    }
    try {
      List<CaptureReport.ClockSample> s = ClockCalibrator.measure(device, binary);
      log.printf(Locale.ROOT, "clock %s the suite: %.1f MHz%n", when, ClockCalibrator.medianMhz(s));
      return s;
    } catch (CudaCallException | IOException e) {
      log.println("clock " + when + " the suite: FAILED: " + e.getMessage());
      return null;
    }
  }

  private CaptureReport.Clock clockRecord(List<CaptureReport.ClockSample> before,
      List<CaptureReport.ClockSample> after) {
    if (device == null) {
      return new CaptureReport.Clock("none", null, null, null, null, null, null,
          "dry run: nothing measured");
    }
    Path binary = ClockCalibrator.findBinary(config.repoRoot(), config.archs());
    String shownBinary = binary == null ? null : SpecDiscovery.relative(config.repoRoot(), binary);
    Double b = ClockCalibrator.medianMhz(before);
    Double a = ClockCalibrator.medianMhz(after);
    if (b == null && a == null) {
      String why = binary == null
          ? "no clock_rate cubin under " + ClockCalibrator.DIR + " for " + config.archs()
          : "the clock_rate kernel failed";
      return new CaptureReport.Clock("attribute", shownBinary, before, after, null, null,
          gpu == null ? null : gpu.maxSmClockMHz(),
          why + "; cycles use CU_DEVICE_ATTRIBUTE_CLOCK_RATE (the maximum SM clock)");
    }
    double used = a == null ? b : b == null ? a : (a + b) / 2;
    String note = a == null ? "measured before the suite only" : "mean of before and after";
    return new CaptureReport.Clock("clock_rate kernel", shownBinary, before, after, b, a, used,
        note);
  }

  private void write(boolean complete) throws IOException {
    int failed = (int) cases.stream().filter(c -> c.error() != null).count();
    CaptureReport report = new CaptureReport(CaptureReport.SCHEMA, CaptureReport.SCHEMA_VERSION,
        device == null, complete, started.toString(), HostName.get(), config.sourceRevision(),
        settings(), software, gpu, clock, null,
        new CaptureReport.Summary(cases.size(), cases.size() - failed, failed, skipped.size()),
        cases.stream().map(c -> c.withProvenance(provenance())).toList(),
        List.copyOf(skipped));
    ReportWriter.write(output, report);
  }

  /** What every case repeats of the run's provenance; null when no GPU was used. */
  private CaptureReport.Provenance provenance() {
    if (gpu == null) {
      return null;
    }
    return new CaptureReport.Provenance(gpu.name(), gpu.smCount(),
        clock == null ? null : clock.mhz(), clock == null ? null : clock.source(),
        software == null ? null : software.driverVersion(),
        software == null ? null : software.cudaVersionText());
  }

  CaptureReport.Settings settings() {
    return new CaptureReport.Settings(config.archs().stream().map(Architecture::smName).toList(),
        config.runs(), config.warmup(), config.caseTimeoutS(), config.budgetS(),
        config.roots().stream().map(Path::toString).toList(), config.only());
  }

  /** {@code <out>/<gpu-slug>/<UTC time>.json}, never overwriting an earlier capture. */
  private Path outputFile(String slug) {
    Path dir = config.outDir().resolve(slug);
    String stamp = FILE_TIME.format(started);
    Path p = dir.resolve(stamp + ".json");
    for (int n = 2; Files.exists(p); n++) {
      p = dir.resolve(stamp + "-" + n + ".json");
    }
    return p;
  }

  /** "NVIDIA H100 80GB HBM3" → "nvidia-h100-80gb-hbm3". */
  static String slug(String gpuName) {
    String s = gpuName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "unknown-gpu" : s;
  }

  /** A capture file for a run that could not start (no driver, no device). */
  static Path writeFatal(Config config, String error, PrintStream log) throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path out = config.outDir().resolve("unknown-gpu").resolve(FILE_TIME.format(now) + ".json");
    CaptureSession s = new CaptureSession(config, null, CaseRunner.DRY, log);
    CaptureReport report = new CaptureReport(CaptureReport.SCHEMA, CaptureReport.SCHEMA_VERSION,
        false, false, now.toString(), HostName.get(), config.sourceRevision(), s.settings(),
        CaptureReport.Software.of(NvidiaDriver.version(), null), null, null, error, new CaptureReport.Summary(0, 0, 0, 0), List.of(), List.of());
    ReportWriter.write(out, report);
    return out;
  }
}
