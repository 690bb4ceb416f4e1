package io.sassim.validation.harness;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Captures real-hardware timings of every launch spec of the corpus (docs/validation.md).
 * Exit status: 0 capture written (cases may have failed; see the file), 2 bad input, 3 no usable
 * GPU (a capture file with {@code fatalError} is still written).
 */
@Command(name = "sassim-harness", mixinStandardHelpOptions = true,
    description = "Times every *.launch.yaml on the GPU and writes one JSON capture file.")
public final class HarnessMain implements Callable<Integer> {

  static final int EXIT_INPUT = 2;
  static final int EXIT_NO_GPU = 3;

  @Option(names = "--arch", split = ",", defaultValue = "sm_90,sm_90a",
      converter = ArchConverter.class,
      description = "Targets in order of preference; each spec runs the first it has a binary for"
          + " (default: ${DEFAULT-VALUE}).")
  List<Architecture> archs;

  /** Where captures go unless --out says otherwise, relative to the repository root. */
  static final Path DEFAULT_OUT = Path.of("validation", "measurements");

  @Option(names = "--out",
      description = "Folder for <gpu-slug>/<UTC time>.json (default: validation/measurements in"
          + " the repository).")
  Path out;

  @Option(names = "--runs", defaultValue = "10", description = "Timed runs per case (median).")
  int runs;

  @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs first.")
  int warmup;

  @Option(names = "--only", description = "Glob on case ids or their last part; repeatable.")
  List<String> only = new ArrayList<>();

  @Option(names = "--dry-run",
      description = "Everything but CUDA: discover, load, build buffers and parameters, write JSON.")
  boolean dryRun;

  @Option(names = "--case-timeout", defaultValue = "30",
      description = "Seconds one case may take, launches included (default: ${DEFAULT-VALUE}).")
  double caseTimeoutS;

  @Option(names = "--budget", defaultValue = "0",
      description = "Seconds for the whole capture; later cases are skipped (0: no limit).")
  double budgetS;

  @Option(names = "--repo-root",
      description = "Repository root for default roots and case ids (default: sassim.repoRoot"
          + " property, else the current folder).")
  Path repoRoot;

  @Option(names = "--source-rev", description = "Source revision recorded as provenance.")
  String sourceRevision;

  @Option(names = "--device", defaultValue = "0", description = "CUDA device ordinal.")
  int deviceOrdinal;

  @Parameters(description = "Folders to search for *.launch.yaml (default: traces/kernels"
      + " validation/microbench).")
  List<Path> roots = new ArrayList<>();

  @Spec CommandSpec spec;

  private final PrintStream log;

  public HarnessMain() {
    this(System.err);
  }

  HarnessMain(PrintStream log) {
    this.log = log;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new HarnessMain()).execute(args));
  }

  static CommandLine commandLine(HarnessMain main) {
    return new CommandLine(main); // picocli answers invalid input with exit 2 (EXIT_INPUT)
  }

  CaptureSession.Config config() {
    Path root = repoRoot != null ? repoRoot
        : Path.of(System.getProperty("sassim.repoRoot", "")).toAbsolutePath().normalize();
    List<Path> searched = roots.isEmpty()
        ? List.of(Path.of("traces/kernels"), Path.of("validation/microbench"))
        : roots;
    Path outDir = out != null ? out : root.resolve(DEFAULT_OUT);
    return new CaptureSession.Config(root, searched, List.copyOf(only), List.copyOf(archs), runs,
        warmup, caseTimeoutS, budgetS, dryRun, outDir, sourceRevision);
  }

  @Override
  public Integer call() throws IOException {
    if (runs < 1 || warmup < 0 || caseTimeoutS <= 0 || budgetS < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--runs must be at least 1, --warmup at least 0, --case-timeout positive, --budget >= 0");
    }
    CaptureSession.Config config = config();
    try {
      if (dryRun) {
        report(new CaptureSession(config, null, CaseRunner.DRY, log).run());
        return 0;
      }
      CudaDevice device;
      try {
        device = CudaDevice.open(deviceOrdinal);
      } catch (CudaCallException | LinkageError e) {
        // LinkageError: JCuda's native library or libcuda.so.1 could not be loaded.
        String why = "no usable GPU: " + briefly(e);
        log.println("sassim-harness: " + why);
        log.println("sassim-harness: wrote " + CaptureSession.writeFatal(config, why, log));
        return EXIT_NO_GPU;
      }
      try (device) {
        report(new CaptureSession(config, device, new CudaCaseRunner(runs, warmup), log).run());
      }
      return 0;
    } catch (InputException e) {
      log.println(e.getMessage());
      return EXIT_INPUT;
    }
  }

  /**
   * The error's first line, plus its last nested "UnsatisfiedLinkError:" line when it has one:
   * JCuda packs the stack traces of every loading attempt into one message, and the line that
   * names the missing library (libcuda.so.1) comes last.
   */
  static String briefly(Throwable e) {
    List<String> lines = e.toString().lines().toList();
    String first = lines.get(0);
    String cause = null;
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith(UnsatisfiedLinkError.class.getName() + ":")) {
        cause = line.substring(UnsatisfiedLinkError.class.getName().length() + 1).trim();
      }
    }
    return cause == null ? first : first + " (" + cause + ")";
  }

  private void report(Path file) {
    log.println("sassim-harness: wrote " + file);
  }

  /** Accepts sm_90, sm_90a, 90 ... as {@link Architecture#parse} does. */
  static final class ArchConverter implements CommandLine.ITypeConverter<Architecture> {
    @Override
    public Architecture convert(String value) {
      Architecture a = Architecture.parse(value);
      if (a == null) {
        throw new CommandLine.TypeConversionException("unknown target '" + value
            + "' (sm_80, sm_86, sm_89, sm_90, sm_90a)");
      }
      return a;
    }
  }
}
