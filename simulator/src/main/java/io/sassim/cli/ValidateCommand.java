package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import io.sassim.validate.CaseFilter;
import io.sassim.validate.CaseSimulator;
import io.sassim.validate.ErrorStatistics;
import io.sassim.validate.MeasurementFiles;
import io.sassim.validate.ReportFolder;
import io.sassim.validate.ExecutionDrivenSimulator;
import io.sassim.validate.Validation;
import io.sassim.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sassim validate --gpu NAME FILE... -o DIR}: simulates every measured case of hardware
 * captures and reference datasets and writes the error report (docs/validation.md).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate every case of measurement files on a GPU config and write an error report: "
          + "results.csv, summary.json, report.md and report.html (with charts).",
      "FILE is a hardware capture (validation/measurements/<gpu>/*.json) or a reference dataset "
          + "(validation/reference/*.json), told apart by its 'schema' field.",
      "Exit codes: 0 report written, 2 bad input (a file with the wrong schema, an unknown kernel"
          + " or microbenchmark, a missing field), 1 internal error."
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Measurement files.")
  List<Path> files;

  @Mixin GpuOptions gpuOptions;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Report folder; replaced as a whole, atomically.")
  Path out;

  @Option(names = "--only", paramLabel = "GLOB",
      description = "Compare only the cases a glob names: a case id (without #clocks[i]), its "
          + "last part (pointer_chase.dram) or a suite (kernels); repeatable. Skipped cases are "
          + "listed as before.")
  List<String> only = List.of();

  @Option(names = "--repo-root", paramLabel = "DIR",
      description = "Where case ids and launch specs resolve (default: the checkout sassim runs "
          + "from).")
  Path repoRoot;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GpuConfig gpu = gpuOptions.load();
    Path root = repoRoot != null ? repoRoot : defaultRepoRoot();
    if (!Files.isDirectory(root)) {
      throw new InputException("--repo-root", 0, "no such folder " + root);
    }
    CaseFilter filter = new CaseFilter(only);
    MeasurementFiles measurements = new MeasurementFiles(root);
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new InputException(f, 0, "no such file");
      }
      measurements.add(f);
    }
    CaseSimulator simulator = new ExecutionDrivenSimulator();
    Validation.Outcome outcome = new Validation(gpu, simulator).run(
        filter.filter(measurements.cases()),
        measurements.skipped(), s -> {
          err.println("sassim: simulating " + s);
          err.flush();
        });
    List<String> inputs = new ArrayList<>(measurements.inputs());
    if (!only.isEmpty()) {
      inputs.add("--only " + String.join(" --only ", only) + ": only the cases these name");
    }
    ValidationReport report = ValidationReport.of(gpu, simulator.describe(),
        RunCommand.gitRevision(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        inputs, outcome);
    ReportFolder.write(out, report);
    ErrorStatistics s = report.overall();
    stdout.println(report.summaryLine());
    stdout.println("report: " + out);
    stdout.flush();
    if (s == null) {
      err.println("sassim: warning: no case was compared (see the skipped list in "
          + out.resolve("summary.json") + ")");
    }
    return 0;
  }

  /** The checkout sassim runs from: the folder above its configs/. */
  private static Path defaultRepoRoot() {
    String prop = System.getProperty("sassim.repoRoot");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    return GpuConfigLoader.defaultConfigsDir().toAbsolutePath().normalize().getParent();
  }
}
