package io.sassim.sim.exec;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.stats.KernelStats;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a launch spec execution-driven: the emulator executes each warp's instructions as the
 * timing model fetches them, a clock read returns the SM cycle at which it issues, and the
 * buffers end as the plain emulator leaves them.
 *
 * <pre>{@code
 * ExecutionResult r = ExecutionDrivenRun.run(config, Path.of("alu_latency.launch.yaml"));
 * long cycles = r.stats().cycles();
 * byte[] clocks = r.buffers().get("clocks");
 * }</pre>
 *
 * <p>The kernel runs on the calling thread (the emulator's state is shared by all SMs), in the
 * model's windows, with the SMs of a window in index order, so a run is deterministic.
 */
public final class ExecutionDrivenRun {

  private ExecutionDrivenRun() {}

  /** Loads {@code launchSpec} and runs it on a fresh chip of {@code gpu}. */
  public static ExecutionResult run(GpuConfig gpu, Path launchSpec)
      throws InputException, SimulationStuckException {
    return run(gpu, LaunchSpecLoader.load(launchSpec));
  }

  /** Runs {@code spec} on a fresh chip of {@code gpu}. */
  public static ExecutionResult run(GpuConfig gpu, LaunchSpec spec)
      throws InputException, SimulationStuckException {
    return run(new Gpu(gpu), spec);
  }

  /**
   * Runs {@code spec} on {@code gpu}, with its window and issue hook; its thread pool, if any, is
   * not used.
   *
   * @throws InputException for a bad spec, a missing binary, or an emulation error (an
   *     unsupported instruction, a bad access), naming the listing line
   * @throws SimulationStuckException when the watchdog trips
   */
  public static ExecutionResult run(Gpu gpu, LaunchSpec spec)
      throws InputException, SimulationStuckException {
    return run(gpu, Emulator.forLaunch(spec, architecture(gpu.config(), spec)));
  }

  /**
   * Runs the launch of {@code emulator} on {@code gpu}, from fresh copies of its initial
   * buffers; one emulator can serve several runs (a benchmark loads the launch once).
   */
  public static ExecutionResult run(Gpu gpu, Emulator emulator)
      throws InputException, SimulationStuckException {
    EmulatedKernel kernel = new EmulatedKernel(emulator);
    KernelStats stats;
    try {
      stats = gpu.run(kernel, emulator.spec().source().toString());
    } catch (EmulationFailure f) {
      throw f.cause;
    }
    return new ExecutionResult(stats, emulator.result(kernel.grid).buffers());
  }

  /**
   * The spec's binary for the config's architecture; a Hopper chip also runs sm_90a code, which
   * a spec may provide instead of sm_90.
   */
  public static Architecture architecture(GpuConfig gpu, LaunchSpec spec) throws InputException {
    Architecture arch = Architecture.parse(gpu.architecture());
    if (arch == null) {
      throw new InputException(spec.source(), 0, "GPU config " + gpu.name()
          + " names an unknown architecture " + gpu.architecture());
    }
    if (arch == Architecture.SM_90 && !(spec.appliesTo(arch) && Files.exists(spec.binaryFor(arch)))
        && spec.appliesTo(Architecture.SM_90A) && Files.exists(spec.binaryFor(Architecture.SM_90A))) {
      return Architecture.SM_90A;
    }
    return arch;
  }
}
