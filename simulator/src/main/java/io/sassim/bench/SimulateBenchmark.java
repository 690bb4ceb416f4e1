package io.sassim.bench;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.sim.exec.ExecutionDrivenRun;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the timing model alone: the trace is read into memory once, then every kernel is
 * simulated on a fresh {@link Gpu} again and again on one thread. Reading the trace is timed
 * apart and left out of the rates, so they describe the model, not the trace format ({@code bench
 * trace-read} measures that). The rates come from the fastest timed pass, the most reproducible
 * figure on a shared machine, with the median beside it. Each pass's CPU time on the simulating
 * thread is kept too: on a machine shared with other jobs it counts only the time the model ran,
 * not the time it waited for a core (garbage-collector threads are not in it).
 */
public final class SimulateBenchmark {

  /**
   * The figures of one benchmark.
   *
   * @param kernels kernels simulated per pass
   * @param warpInstructions warp instructions per pass
   * @param threadInstructions thread instructions per pass
   * @param cycles simulated core cycles per pass (sum over kernels)
   * @param readSeconds time to read the trace into memory, once
   * @param bestSeconds fastest timed pass
   * @param medianSeconds median timed pass
   * @param bestCpuSeconds least CPU time of the simulating thread over the timed passes
   * @param passes timed passes
   */
  public record Result(int kernels, long warpInstructions, long threadInstructions, long cycles,
      double readSeconds, double bestSeconds, double medianSeconds, double bestCpuSeconds,
      int passes) {

    public double warpInstructionsPerSecond() {
      return warpInstructions / bestSeconds;
    }

    public double cyclesPerSecond() {
      return cycles / bestSeconds;
    }

    public double medianWarpInstructionsPerSecond() {
      return warpInstructions / medianSeconds;
    }

    /** Warp instructions per CPU second of the simulating thread; 0 when unmeasured. */
    public double warpInstructionsPerCpuSecond() {
      return bestCpuSeconds > 0 ? warpInstructions / bestCpuSeconds : 0;
    }
  }

  private final GpuConfig config;
  private final int repeats;
  private final long warmUpNanos;
  private final int windowCycles;

  /**
   * @param repeats timed passes
   * @param warmUpSeconds untimed passes first, for at least this long (at least one pass)
   */
  public SimulateBenchmark(GpuConfig config, int repeats, double warmUpSeconds) {
    this(config, repeats, warmUpSeconds, 0);
  }

  /**
   * @param windowCycles cycles each SM runs between exchanges, as {@code sassim run --window};
   *     0 for the GPU's default
   */
  public SimulateBenchmark(GpuConfig config, int repeats, double warmUpSeconds, int windowCycles) {
    this.config = config;
    this.repeats = repeats;
    this.warmUpNanos = (long) (warmUpSeconds * 1e9);
    this.windowCycles = windowCycles;
  }

  private Gpu newGpu() {
    Gpu gpu = new Gpu(config);
    if (windowCycles > 0) {
      gpu.setWindowCycles(windowCycles);
    }
    return gpu;
  }

  /** One timed unit of work: warp instructions, thread instructions, cycles. */
  private interface Pass {
    long[] run() throws InputException, SimulationStuckException;
  }

  /** Reads {@code source}, warms up, and times {@code repeats} passes over all its kernels. */
  public Result run(TraceSource source) throws InputException, SimulationStuckException {
    long readStart = System.nanoTime();
    List<LoadedKernel> kernels = load(source);
    double readSeconds = (System.nanoTime() - readStart) / 1e9;
    if (kernels.isEmpty()) {
      throw new InputException(source.origin(), 0, "no kernel launches to simulate");
    }
    return time(kernels.size(), readSeconds, () -> pass(kernels));
  }

  /**
   * Execution-driven: loads the launch once (listing decoded, initial buffers built; timed apart
   * as {@code readSeconds}), then each pass emulates and simulates it on a fresh {@link Gpu},
   * from fresh copies of the buffers.
   */
  public Result runExecutionDriven(LaunchSpec spec) throws InputException, SimulationStuckException {
    long loadStart = System.nanoTime();
    Emulator emulator = Emulator.forLaunch(spec, ExecutionDrivenRun.architecture(config, spec));
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    return time(1, loadSeconds, () -> {
      KernelStats stats = ExecutionDrivenRun.run(newGpu(), emulator).stats();
      return new long[] {stats.warpInstructions(), stats.get(Stat.THREAD_INSTRUCTIONS),
          stats.cycles()};
    });
  }

  private Result time(int kernelCount, double readSeconds, Pass pass)
      throws InputException, SimulationStuckException {
    long warmUpEnd = System.nanoTime() + warmUpNanos;
    long[] counts = pass.run();
    while (System.nanoTime() < warmUpEnd) {
      pass.run();
    }
    double[] seconds = new double[repeats];
    double bestCpu = Double.MAX_VALUE;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    for (int r = 0; r < repeats; r++) {
      long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
      long start = System.nanoTime();
      long[] again = pass.run();
      seconds[r] = (System.nanoTime() - start) / 1e9;
      if (cpuTime) {
        bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
      }
      if (!Arrays.equals(again, counts)) {
        // The model is deterministic; a difference means state leaked between passes.
        throw new IllegalStateException("pass " + r + " simulated " + Arrays.toString(again)
            + ", the first " + Arrays.toString(counts));
      }
    }
    Arrays.sort(seconds);
    return new Result(kernelCount, counts[0], counts[1], counts[2], readSeconds, seconds[0],
        seconds[repeats / 2], cpuTime ? bestCpu : 0, repeats);
  }

  /** One pass on a fresh GPU: warp instructions, thread instructions, cycles. */
  private long[] pass(List<LoadedKernel> kernels) throws InputException, SimulationStuckException {
    Gpu gpu = newGpu();
    long[] counts = new long[3];
    for (LoadedKernel k : kernels) {
      KernelStats stats = gpu.run(k.replay(), k.origin);
      counts[0] += stats.warpInstructions();
      counts[1] += stats.get(Stat.THREAD_INSTRUCTIONS);
      counts[2] += stats.cycles();
    }
    return counts;
  }

  private static List<LoadedKernel> load(TraceSource source) throws InputException {
    List<LoadedKernel> out = new ArrayList<>();
    for (TraceCommand command : source.commands()) {
      if (command instanceof TraceCommand.Kernel k) {
        try (KernelTrace trace = source.openKernel(k)) {
          List<CtaTrace> ctas = new ArrayList<>();
          for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
            ctas.add(cta);
          }
          out.add(new LoadedKernel(k.file().toString(), trace.launch(), trace.instructions(),
              trace.hasControlBits(), ctas));
        }
      }
    }
    return out;
  }

  /** A kernel held in memory, replayed from its first block by each {@link #replay()}. */
  private record LoadedKernel(String origin, KernelLaunch launch, InstructionTable table,
      boolean controlBits, List<CtaTrace> ctas) {

    KernelTrace replay() {
      return new KernelTrace() {
        private int next;

        @Override
        public KernelLaunch launch() {
          return launch;
        }

        @Override
        public InstructionTable instructions() {
          return table;
        }

        @Override
        public boolean hasControlBits() {
          return controlBits;
        }

        @Override
        public CtaTrace nextCta() {
          return next < ctas.size() ? ctas.get(next++) : null;
        }

        @Override
        public void close() {}
      };
    }
  }
}
