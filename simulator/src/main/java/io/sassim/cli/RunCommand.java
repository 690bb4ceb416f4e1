package io.sassim.cli;

import io.sassim.isa.AtomicFiles;
import io.sassim.isa.InputException;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import io.sassim.sim.exec.ExecutionDrivenRun;
import io.sassim.sim.exec.ExecutionResult;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.gpu.TraceReplay;
import io.sassim.sim.stats.AccelSimLines;
import io.sassim.sim.stats.RunReport;
import io.sassim.sim.stats.StatCatalogue;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.TraceSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sassim run --gpu NAME INPUT}: simulates every kernel of a trace in order and prints
 * Accel-Sim-style summary lines; {@code --json} writes the full statistics (docs/stats.md).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate every kernel of a trace in launch order on a GPU config, printing Accel-Sim-style "
          + "lines (gpu_sim_cycle, gpu_sim_insn, ...) per kernel and a summary.",
      "INPUT is a trace folder, a kernelslist.g, a kernel-N.traceg[.xz] or a native .sstrace, "
          + "or a launch spec (LAUNCH.yaml), which runs execution-driven: the emulator executes "
          + "the kernel as the model fetches it, and clock reads return simulated cycles.",
      "Exit codes: 0 done, 2 bad input, 3 the watchdog found no forward progress, 1 internal "
          + "error."
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(paramLabel = "INPUT", arity = "0..1", description = "Trace or launch spec to simulate.")
  Path input;

  @Option(names = "--dump", paramLabel = "OUTDIR", description = "Launch specs only: folder to "
      + "create with one <argname>.bin per output buffer (clock buffers included), as sassim "
      + "emulate --dump writes them; it appears only when the run completes.")
  Path dump;

  @Mixin GpuOptions gpuOptions;

  @Mixin TraceInputOptions inputOptions;

  @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the statistics as JSON to this file (replaced atomically).")
  Path json;

  @Option(names = "--kernel", paramLabel = "NAME|ID", split = ",", description = "Simulate only the launches with this (mangled) kernel name or kernel id; repeatable. The others are skipped.")
  List<String> kernels = new ArrayList<>();

  @Option(names = "--stats-descriptions", description = "Print every statistic and stall reason with its description, then exit.")
  boolean statsDescriptions;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Simulate the SMs on N threads (default ${DEFAULT-VALUE}); the statistics are the same for any N.")
  int threads;

  @Option(names = "--window", defaultValue = "8", paramLabel = "CYCLES",
      description = "Cycles each SM runs on its own before finished blocks are replaced "
          + "(default ${DEFAULT-VALUE}; 1 = cycle-by-cycle lockstep, slower). See docs/model.md.")
  int window;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (statsDescriptions) {
      out.print(StatCatalogue.markdown());
      out.flush();
      return 0;
    }
    if (input == null) {
      throw new InputException("sassim run", 0, "missing INPUT: give a trace folder, "
          + "kernelslist.g, .traceg[.xz] or .sstrace");
    }
    if (!Files.exists(input)) {
      throw new InputException(input, 0, "no such file or folder");
    }
    boolean launchSpec = isLaunchSpec(input);
    if (dump != null && !launchSpec) {
      throw new InputException("--dump", 0, "only a launch spec run has buffers to dump");
    }
    if (dump != null && Files.exists(dump)) {
      throw new InputException(dump, 0, "already exists; choose a new name or remove it first");
    }
    GpuConfig config = gpuOptions.load();
    if (threads < 1 || threads > 1024) {
      throw new InputException("--threads", 0, "must be in 1..1024, got " + threads);
    }
    if (window < 1 || window > 1_000_000) {
      throw new InputException("--window", 0, "must be in 1..1000000, got " + window);
    }
    Gpu gpu = new Gpu(config);
    try {
      gpu.setWindowCycles(window);
    } catch (IllegalArgumentException e) {
      throw new InputException("--window", 0, e.getMessage());
    }
    if (launchSpec) {
      return execute(gpu, config, out, err);
    }
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemons()) : null;
    gpu.setThreads(pool);
    try {
      return simulate(gpu, config, out, err);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Threads that never keep the JVM alive after the command. */
  private static java.util.concurrent.ThreadFactory daemons() {
    return r -> {
      Thread t = new Thread(r, "sassim-sm");
      t.setDaemon(true);
      return t;
    };
  }

  private int simulate(Gpu gpu, GpuConfig config, PrintWriter out, PrintWriter err)
      throws InputException {
    Map<String, String> overrides = gpuOptions.overrides();
    RunReport report = new RunReport();
    List<Integer> noted = new ArrayList<>();
    TraceReplay replay = new TraceReplay(gpu, selection());
    long start = System.nanoTime();
    try (TraceSource source = inputOptions.open(input)) {
      boolean[] scoreboardNoted = {false};
      replay.run(source, (uid, launch, stats) -> {
        noteArchitecture(err, launch, config, noted);
        if (!scoreboardNoted[0] && "scoreboard".equals(stats.dependenceMode())
            && !"scoreboard".equals(config.issue().dependence())) {
          // The paper's model needs the compiler's control bits; without them the run falls back
          // to scoreboards, which users should know about.
          scoreboardNoted[0] = true;
          err.printf("sassim: note: kernel %d (and any later one without control bits) runs with "
              + "scoreboards: the trace carries no control bits; give the listing or cubin with "
              + "--control, or trace with --format native%n", launch.kernelId());
        }
        AccelSimLines.kernel(out, report.add(uid, stats), report);
        out.flush();
      });
      TraceInputOptions.reportMismatches(source, err);
    } catch (SimulationStuckException e) {
      return stuck(out, err, e);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (report.kernels().isEmpty()) {
      throw new InputException(input, 0, kernels.isEmpty() ? "no kernel launches to simulate"
          : "no kernel launch matches --kernel " + String.join(",", kernels));
    }
    AccelSimLines.summary(out, report, wall);
    out.flush();
    if (json != null) {
      AtomicFiles.writeOutput(json, report.render(config, overrides, input.toString(),
          new RunReport.Timing(wall, version(), gitRevision(), window, threads)));
    }
    return 0;
  }

  private static boolean isLaunchSpec(Path input) {
    String name = input.getFileName() == null ? "" : input.getFileName().toString();
    return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(input);
  }

  /** A launch spec, execution-driven: one kernel, on this thread (the emulator is not shared). */
  private int execute(Gpu gpu, GpuConfig config, PrintWriter out, PrintWriter err)
      throws InputException {
    if (threads > 1) {
      err.println("sassim: note: execution-driven runs use one thread; --threads is ignored");
    }
    LaunchSpec launch = LaunchSpecLoader.load(input);
    RunReport report = new RunReport();
    long start = System.nanoTime();
    ExecutionResult result;
    try {
      result = ExecutionDrivenRun.run(gpu, launch);
    } catch (SimulationStuckException e) {
      return stuck(out, err, e);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    AccelSimLines.kernel(out, report.add(1, result.stats()), report);
    AccelSimLines.summary(out, report, wall);
    out.flush();
    if (dump != null) {
      BufferDump.write(dump, launch, result.buffers());
    }
    if (json != null) {
      AtomicFiles.writeOutput(json, report.render(config, gpuOptions.overrides(), input.toString(),
          new RunReport.Timing(wall, version(), gitRevision(), window, 1)));
    }
    return 0;
  }

  private static int stuck(PrintWriter out, PrintWriter err, SimulationStuckException e) {
    out.flush();
    err.println("sassim: watchdog: " + e.getMessage());
    for (String warp : e.warps()) {
      err.println("  " + warp);
    }
    err.flush();
    return Main.EXIT_STUCK;
  }

  private Predicate<KernelLaunch> selection() {
    if (kernels.isEmpty()) {
      return launch -> true;
    }
    return launch -> {
      for (String k : kernels) {
        if (k.equals(launch.name()) || k.equals(Integer.toString(launch.kernelId()))) {
          return true;
        }
      }
      return false;
    };
  }

  /** Once per binary version: a kernel compiled for another SM runs with the config's opcode table. */
  private static void noteArchitecture(PrintWriter err, KernelLaunch launch, GpuConfig config,
      List<Integer> noted) {
    int version = launch.binaryVersion();
    if (version <= 0 || config.architecture().startsWith("sm_" + version)
        || noted.contains(version)) {
      return;
    }
    noted.add(version);
    err.printf("sassim: note: kernel %d and any other sm_%d kernels run with the %s opcode table "
        + "and timings of %s%n", launch.kernelId(), version, config.architecture(), config.name());
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /**
   * The commit of the checkout whose {@code configs/} this run used, with {@code -dirty} for
   * uncommitted changes; null when that is not a git checkout or git is not installed. It goes
   * into the report's timing block, so that a speed figure can be traced to its code.
   */
  static String gitRevision() {
    Path repo = GpuConfigLoader.defaultConfigsDir().toAbsolutePath().getParent();
    if (repo == null) {
      return null;
    }
    try {
      Process git = new ProcessBuilder("git", "-C", repo.toString(), "describe", "--always",
          "--dirty", "--abbrev=12").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0 || out.contains("\n")) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
