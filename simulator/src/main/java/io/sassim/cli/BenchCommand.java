package io.sassim.cli;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.sassim.bench.MemoryExchangeBenchmark;
import io.sassim.bench.SimulateBenchmark;
import io.sassim.bench.TraceReadBenchmark;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.traces.model.TraceSource;
import io.sassim.isa.InputException;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sassim bench}: speed measurements whose figures go into docs/performance.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Speed benchmarks; figures belong in docs/performance.md.",
    subcommands = {BenchCommand.TraceRead.class, BenchCommand.Simulate.class, BenchCommand.Emulate.class,
        BenchCommand.Memory.class})
final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code sassim bench trace-read IN}: read throughput of Accel-Sim text against native. */
  @Command(
      name = "trace-read",
      mixinStandardHelpOptions = true,
      description = {
        "Read the same trace as Accel-Sim text, as text.xz and as a native trace, and print warp "
            + "instructions per second and MB/s (of the file on disk) for each.",
        "IN is an Accel-Sim trace; --copies replays its CTAs to make it larger."
      })
  static final class TraceRead implements Callable<Integer> {

    @Parameters(paramLabel = "IN", description = "Accel-Sim trace: folder, kernelslist.g or .traceg[.xz].")
    Path input;

    @Option(names = "--copies", defaultValue = "1", description = "Replay each kernel's CTAs this many times (default ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--repeats", defaultValue = "10", description = "Timed reads per format; rates are from the fastest (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warm-up", defaultValue = "2", paramLabel = "SECONDS", description = "Untimed reads per format first, for at least this long (default ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--no-fork", description = "Time every format in this JVM instead of one JVM per format.")
    boolean noFork;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the converted copies into DIR and keep them (DIR must not already hold a previous run's copies).")
    Path keep;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InputException {
      if (copies < 1 || repeats < 1 || warmUpSeconds < 0) {
        throw new InputException("sassim bench trace-read", 0,
            "--copies and --repeats must be at least 1, --warm-up at least 0");
      }
      PrintWriter out = spec.commandLine().getOut();
      Path work = null;
      try {
        if (keep != null) {
          Files.createDirectories(keep);
        }
        work = keep != null ? keep : Files.createTempDirectory("sassim-bench-");
        List<TraceReadBenchmark.Result> results = new TraceReadBenchmark(work, repeats, warmUpSeconds, !noFork).run(input, copies);
        out.printf("%-18s %12s %14s %10s %10s %16s %10s%n",
            "format", "bytes", "warp insts", "best s", "median s", "warp insts/s", "MB/s");
        for (TraceReadBenchmark.Result r : results) {
          out.printf("%-18s %12d %14d %10.3f %10.3f %16.0f %10.1f%n", r.format(), r.bytes(),
              r.warpInstructions(), r.seconds(), r.medianSeconds(), r.warpInstructionsPerSecond(),
              r.megabytesPerSecond());
        }
        TraceReadBenchmark.Result text = results.get(0);
        TraceReadBenchmark.Result xz = results.get(1);
        TraceReadBenchmark.Result nat = results.get(2);
        out.printf("native vs text: %.1fx faster, %.2fx the size of text.xz%n",
            nat.warpInstructionsPerSecond() / text.warpInstructionsPerSecond(),
            (double) nat.bytes() / xz.bytes());
        out.printf("java %s, %d processors, collector %s, native decode threads: %s%n",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
            collectors(), System.getProperty("sassim.traceDecodeThreads", "default"));
        out.flush();
        return 0;
      } catch (IOException e) {
        throw new InputException(input.toString(), 0, "benchmark I/O failed: " + e.getMessage(), e);
      } finally {
        if (keep == null) {
          deleteQuietly(work);
        }
      }
    }

    private static String collectors() {
      StringBuilder names = new StringBuilder();
      for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        names.append(names.length() == 0 ? "" : "/").append(gc.getName());
      }
      return names.toString();
    }

    private static void deleteQuietly(Path dir) {
      if (dir == null) {
        return;
      }
      try {
        MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
      } catch (IOException e) {
        // A leftover temp folder is harmless.
      }
    }
  }

  /** {@code sassim bench simulate IN --gpu NAME}: speed of the timing model. */
  @Command(
      name = "simulate",
      mixinStandardHelpOptions = true,
      description = {
        "Simulate every kernel of a trace repeatedly on one thread and print simulated warp "
            + "instructions per second and simulated cycles per second of the timing model.",
        "The trace is read into memory first; that read is timed apart and excluded from the "
            + "rates. IN is a trace folder, kernelslist.g, .traceg[.xz] or .sstrace, or a launch "
            + "spec (LAUNCH.yaml): then each pass runs it execution-driven, emulator included, "
            + "and loading the launch once is what is timed apart."
      })
  static final class Simulate implements Callable<Integer> {

    @Parameters(paramLabel = "IN", description = "Trace to simulate.")
    Path input;

    @Mixin GpuOptions gpuOptions;

    @Mixin TraceInputOptions inputOptions;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed passes over all kernels; rates are from the fastest (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warm-up", defaultValue = "5", paramLabel = "SECONDS", description = "Untimed passes first, for at least this long, so the JIT has compiled the model (default ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--window", defaultValue = "0", paramLabel = "CYCLES", description = "Cycles each SM runs between block and memory exchanges, as sassim run --window (default: the GPU's, 8 or the lower memory's minimum latency).")
    int window;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InputException {
      if (repeats < 1 || warmUpSeconds < 0 || window < 0) {
        throw new InputException("sassim bench simulate", 0,
            "--repeats must be at least 1, --warm-up and --window at least 0");
      }
      GpuConfig config = gpuOptions.load();
      SimulateBenchmark.Result r;
      String name = input.getFileName() == null ? "" : input.getFileName().toString();
      boolean launchSpec = (name.endsWith(".yaml") || name.endsWith(".yml"))
          && Files.isRegularFile(input);
      SimulateBenchmark bench = new SimulateBenchmark(config, repeats, warmUpSeconds, window);
      try {
        if (launchSpec) {
          r = bench.runExecutionDriven(LaunchSpecLoader.load(input));
        } else {
          try (TraceSource source = inputOptions.open(input)) {
            r = bench.run(source);
          }
        }
      } catch (SimulationStuckException e) {
        throw new InputException(input.toString(), 0, "the watchdog stopped the simulation: "
            + e.getMessage() + " (sassim run prints the stuck warps)");
      } catch (IllegalArgumentException e) {
        // The GPU refuses a window longer than its lower memory's minimum latency.
        throw new InputException("--window", 0, e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("input %s on %s: %d kernels, %d warp instructions, %d thread instructions, "
          + "%d simulated cycles per pass%n", input, config.name(), r.kernels(),
          r.warpInstructions(), r.threadInstructions(), r.cycles());
      out.printf(launchSpec ? "execution-driven: launch loaded once (listing decoded, buffers "
          + "built) in %.3f s (not in the rates); each pass emulates and simulates%n"
          : "trace read into memory once in %.3f s (not in the rates)%n", r.readSeconds());
      out.printf("%d timed passes: best %.3f s, median %.3f s%n", r.passes(), r.bestSeconds(),
          r.medianSeconds());
      out.printf("simulated warp instructions per second: %.0f (median pass %.0f)%n",
          r.warpInstructionsPerSecond(), r.medianWarpInstructionsPerSecond());
      out.printf("simulated cycles per second: %.0f%n", r.cyclesPerSecond());
      out.printf("per CPU second of the simulating thread (least over the passes): %.3f s, %.0f "
          + "warp instructions/s%n", r.bestCpuSeconds(), r.warpInstructionsPerCpuSecond());
      out.printf("java %s, one simulation thread, %d processors, collector %s%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          TraceRead.collectors());
      out.flush();
      return 0;
    }
  }

  /** {@code sassim bench memory}: requests per second through the memory below the L1. */
  @Command(
      name = "memory",
      mixinStandardHelpOptions = true,
      description = {
        "Drive the memory below the L1 (crossbar, L2, DRAM) with every SM's requests, in "
            + "8-cycle windows, and print requests served per second of exchange time (from "
            + "the fastest pass; the median is shown too), for a sequential sweep and a random mix."
      })
  static final class Memory implements Callable<Integer> {

    @Mixin GpuOptions gpuOptions;

    @Option(names = "--requests", defaultValue = "1000000", description = "Requests per pass (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed passes per pattern (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warm-up", defaultValue = "3", paramLabel = "SECONDS", description = "Untimed passes first, for at least this long (default ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InputException {
      if (repeats < 1 || warmUpSeconds < 0 || requests < 1) {
        throw new InputException("sassim bench memory", 0,
            "--repeats and --requests must be at least 1, --warm-up at least 0");
      }
      GpuConfig config = gpuOptions.load();
      MemoryExchangeBenchmark bench = new MemoryExchangeBenchmark(config, requests);
      PrintWriter out = spec.commandLine().getOut();
      for (MemoryExchangeBenchmark.Pattern p : MemoryExchangeBenchmark.Pattern.values()) {
        MemoryExchangeBenchmark.Result r = bench.run(p, repeats, warmUpSeconds);
        out.printf("%s on %s: %d requests over %d simulated cycles; best %.3f s, median %.3f s "
            + "in exchange: %.0f requests/s (median %.0f); per CPU second %.0f requests/s%n",
            p.name().toLowerCase(), config.name(), r.requests(), r.simulatedCycles(),
            r.bestSeconds(), r.medianSeconds(), r.requestsPerSecond(),
            r.medianRequestsPerSecond(), r.requestsPerCpuSecond());
        out.flush();
      }
      out.printf("java %s, one thread, %d processors, collector %s%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          TraceRead.collectors());
      out.flush();
      return 0;
    }
  }

  /** {@code sassim bench emulate LAUNCH.yaml}: functional emulation speed. */
  @Command(
      name = "emulate",
      mixinStandardHelpOptions = true,
      description = {
        "Emulate a launch repeatedly on one thread, without a listener, and print warp "
            + "instructions per second (from the fastest run; the median is shown too)."
      })
  static final class Emulate implements Callable<Integer> {

    @Parameters(paramLabel = "LAUNCH.yaml", description = "Launch spec to emulate.")
    Path launch;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warm-up", defaultValue = "3", paramLabel = "SECONDS", description = "Untimed runs first, for at least this long (default ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--trace", description = "Also record a native trace into a temporary file (deleted afterwards), so the figure includes the recorder.")
    boolean trace;

    @picocli.CommandLine.Mixin LaunchOptions launchOptions;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InputException {
      if (repeats < 1 || warmUpSeconds < 0) {
        throw new InputException("sassim bench emulate", 0, "--repeats must be at least 1, --warm-up at least 0");
      }
      io.sassim.isa.emu.Emulator emulator = launchOptions.emulator(launch);
      long warmUntil = System.nanoTime() + (long) (warmUpSeconds * 1e9);
      long warpInstructions = 0;
      try {
        do {
          warpInstructions = once(emulator);
        } while (System.nanoTime() < warmUntil);
        // CPU time of this thread as well as wall time: on a shared machine the emulator's own
        // core time is the stable figure ("per second on one core").
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] seconds = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          once(emulator);
          seconds[i] = (System.nanoTime() - t0) / 1e9;
          cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        java.util.Arrays.sort(cpu);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s (%s, %s)%s: %d warp instructions per run%n", launch, emulator.kernel().name(),
            emulator.kernel().architecture(), trace ? " with trace recording" : "", warpInstructions);
        out.printf("wall: best %.3f s, median %.3f s: %.2f M warp instructions/s (median %.2f M/s)%n",
            seconds[0], seconds[repeats / 2], warpInstructions / seconds[0] / 1e6,
            warpInstructions / seconds[repeats / 2] / 1e6);
        out.printf("cpu:  best %.3f s, median %.3f s: %.2f M warp instructions/s (median %.2f M/s)%n",
            cpu[0], cpu[repeats / 2], warpInstructions / cpu[0] / 1e6, warpInstructions / cpu[repeats / 2] / 1e6);
        out.printf("java %s, %d processors, collector %s%n", System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), TraceRead.collectors());
        out.flush();
        return 0;
      } catch (IOException e) {
        throw new InputException(launch.toString(), 0, "benchmark I/O failed: " + e.getMessage(), e);
      }
    }

    private long once(io.sassim.isa.emu.Emulator emulator) throws IOException, InputException {
      if (!trace) {
        return emulator.run(null).warpInstructions();
      }
      Path dir = Files.createTempDirectory("sassim-bench-emulate-");
      try {
        Path out = dir.resolve("trace");
        try (io.sassim.traces.model.TraceWriter w = io.sassim.traces.files.TraceFiles.writer(out,
            io.sassim.traces.files.TraceFormat.NATIVE, false)) {
          long n = io.sassim.traces.record.EmulatedTrace.record(emulator, w, null).warpInstructions();
          w.commit();
          return n;
        }
      } finally {
        TraceRead.deleteQuietly(dir);
      }
    }
  }
}
