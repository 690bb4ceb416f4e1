package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfigLoader;
import io.sassim.sweep.LocalExecutor;
import io.sassim.sweep.ReplayingRunner;
import io.sassim.sweep.SlurmExecutor;
import io.sassim.sweep.SweepExecutor;
import io.sassim.sweep.SweepPlots;
import io.sassim.sweep.SweepResults;
import io.sassim.sweep.SweepSpec;
import io.sassim.sweep.SweepSpecLoader;
import io.sassim.sweep.SweepStore;
import io.sassim.sweep.SweepTask;
import io.sassim.sweep.TaskRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sassim sweep SPEC -o DIR}: runs every point x workload of a sweep spec that has no result
 * in DIR yet, then aggregates and plots (docs/sweeps.md).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a design-space sweep: every point of SPEC (a base GPU plus config overrides) on every "
          + "workload, each result written atomically to DIR/points/; then DIR/results.csv, "
          + "DIR/results.json and DIR/plots/*.png.",
      "Run it again after an interruption and only the missing points run.",
      "Exit codes: 0 done, 2 invalid spec (nothing ran), 4 some points failed (listed; run "
          + "again to retry them), 1 internal error."
    })
final class SweepCommand implements Callable<Integer> {

  /** Exit code when some tasks produced no result. */
  static final int EXIT_FAILED_POINTS = 4;

  @Parameters(paramLabel = "SPEC", description = "Sweep spec (YAML, docs/sweeps.md).")
  Path specFile;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output folder; an existing one is resumed.")
  Path output;

  @Option(names = "--executor", defaultValue = "local", paramLabel = "local|slurm",
      description = "Where points run: a thread pool here (default) or a Slurm job array.")
  String executor;

  @Option(names = "--threads", paramLabel = "N",
      description = "Local executor: points run at once (default: the number of cores).")
  Integer threads;

  @Option(names = "--sbatch-arg", paramLabel = "ARG",
      description = "Slurm: an extra sbatch option, e.g. --sbatch-arg=--partition=gpu; repeatable.")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(names = "--task-command", paramLabel = "CMD",
      description = "Slurm: how a node starts sassim, e.g. /shared/sassim/scripts/sassim "
          + "(default: this JVM and jar).")
  String taskCommand;

  @Option(names = "--poll", defaultValue = "2", paramLabel = "SECONDS",
      description = "Slurm: seconds between squeue polls (default ${DEFAULT-VALUE}).")
  double poll;

  @Option(names = "--no-plots", description = "Write results.csv and results.json only.")
  boolean noPlots;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(specFile)) {
      throw new InputException(specFile, 0, "no such sweep spec");
    }
    SweepExecutor exec = executor(err);
    SweepSpec sweep = SweepSpecLoader.load(specFile);
    SweepStore store = new SweepStore(output);
    store.create();
    store.removeLeftovers();
    TaskRunner runner = new TaskRunner(sweep, store, new ReplayingRunner(store.traces()));
    List<SweepTask> missing = store.missing(sweep);
    int total = sweep.tasks().size();
    err.printf("sweep: %d points x %d workloads = %d tasks; %d done, %d to run (%s)%n",
        sweep.points().size(), sweep.workloads().size(), total, total - missing.size(),
        missing.size(), executor);
    err.flush();
    if (!missing.isEmpty()) {
      try {
        runner.prepare();
      } catch (TaskRunner.TaskFailure e) {
        err.println("sassim: sweep: " + e.getMessage());
        return EXIT_FAILED_POINTS;
      }
      List<String> failures;
      try {
        failures = exec.run(runner, missing, err);
      } catch (SweepExecutor.SweepException e) {
        err.println("sassim: sweep: " + e.getMessage());
        return EXIT_FAILED_POINTS;
      }
      if (!failures.isEmpty()) {
        err.printf("sassim: sweep: %d of %d tasks failed (the others are kept; run the same "
            + "command again to retry only these):%n", failures.size(), missing.size());
        for (String f : failures) {
          err.println("  " + f);
        }
        err.flush();
        return EXIT_FAILED_POINTS;
      }
    }
    SweepResults results = SweepResults.collect(sweep, store);
    if (results == null) {
      err.println("sassim: sweep: results went missing from " + store.points() + " during the run");
      return EXIT_FAILED_POINTS;
    }
    results.write(store);
    out.println("sweep: " + total + " results in " + store.dir().resolve("results.csv"));
    if (!noPlots) {
      int plots = SweepPlots.write(results, store).size();
      out.println("sweep: " + plots + " figures in " + store.plots());
    }
    out.flush();
    return 0;
  }

  private SweepExecutor executor(PrintWriter err) throws InputException {
    boolean terminal = System.console() != null;
    switch (executor) {
      case "local" -> {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > 1024) {
          throw new InputException("--threads", 0, "must be in 1..1024, got " + n);
        }
        return new LocalExecutor(n, terminal);
      }
      case "slurm" -> {
        if (!(poll > 0 && poll <= 3600)) {
          throw new InputException("--poll", 0, "must be in (0, 3600] seconds, got " + poll);
        }
        return new SlurmExecutor(taskCommand(), sbatchArgs, poll, terminal);
      }
      default -> throw new InputException("--executor", 0, "expected local or slurm, got '"
          + executor + "'");
    }
  }

  /**
   * How a Slurm node starts sassim: the given command split on spaces, or this very JVM with
   * this class path and configs folder, which works wherever the node shares this file system.
   */
  private List<String> taskCommand() {
    if (taskCommand != null && !taskCommand.isBlank()) {
      return List.of(taskCommand.strip().split("\\s+"));
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The JVM options this one runs with (the launcher's: stack size, collector, huge pages, or
    // SASSIM_JAVA_OPTS), so a task simulates as fast as a local one would.
    boolean stackSize = false;
    for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-X")) {
        cmd.add(option);
        stackSize |= option.startsWith("-Xss");
      }
    }
    if (!stackSize) {
      cmd.add("-Xss8m");
    }
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dsassim.configs=" + GpuConfigLoader.defaultConfigsDir().toAbsolutePath());
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classPath.add(Path.of(entry).toAbsolutePath().toString());
    }
    cmd.add("-cp");
    cmd.add(String.join(java.io.File.pathSeparator, classPath));
    cmd.add(Main.class.getName());
    return cmd;
  }
}
