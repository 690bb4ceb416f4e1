package io.sassim.sim.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.IssueLog;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.record.EmulatedTrace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Execution-driven runs against trace-driven runs of the same real SASS: the emulator records a
 * trace with the listing's control bits (as CorpusTracesSimulateTest makes them), the model
 * replays it, and the same launch runs execution-driven.
 */
class ExecutionDrivenRunTest {

  @TempDir Path dir;

  static LaunchSpec spec(String path) throws Exception {
    return LaunchSpecLoader.load(ListingKernels.repoRoot().resolve(path));
  }

  static Gpu gpu(String config, IssueLog hook) throws Exception {
    Gpu gpu = new Gpu(ListingKernels.config(config, Map.of()));
    gpu.setHook(hook);
    return gpu;
  }

  /** The launch traced by the emulator, then replayed by the model. */
  KernelStats traceDriven(LaunchSpec spec, String config, IssueLog hook) throws Exception {
    Gpu gpu = gpu(config, hook);
    Emulator emulator = Emulator.forLaunch(spec, ExecutionDrivenRun.architecture(gpu.config(), spec));
    Path trace = dir.resolve("trace-" + System.nanoTime());
    try (TraceWriter writer = TraceFiles.writer(trace, TraceFormat.NATIVE, false)) {
      EmulatedTrace.record(emulator, writer, null);
      writer.commit();
    }
    try (TraceSource source = TraceFiles.open(trace)) {
      for (TraceCommand c : source.commands()) {
        if (c instanceof TraceCommand.Kernel k) {
          try (KernelTrace kt = source.openKernel(k)) {
            return gpu.run(kt, spec.source().toString());
          }
        }
      }
    }
    throw new AssertionError("no kernel in the trace");
  }

  static ExecutionResult executionDriven(LaunchSpec spec, String config, IssueLog hook)
      throws Exception {
    return ExecutionDrivenRun.run(gpu(config, hook), spec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vecadd/vecadd", "saxpy/saxpy", "sgemm_naive/sgemm_naive",
      "stencil2d/stencil2d", "sfu_mix/sfu_mix"})
  void barrierFreeKernelsMatchTheirTracesCycleForCycle(String name) throws Exception {
    LaunchSpec spec = spec("traces/kernels/" + name + ".launch.yaml");
    KernelStats traced = traceDriven(spec, "rtx-a6000", null);
    KernelStats executed = executionDriven(spec, "rtx-a6000", null).stats();
    assertEquals(traced.cycles(), executed.cycles(), "cycles");
    assertEquals(traced.warpInstructions(), executed.warpInstructions(), "warp instructions");
    assertEquals(traced.get(Stat.THREAD_INSTRUCTIONS), executed.get(Stat.THREAD_INSTRUCTIONS),
        "thread instructions");
    assertEquals(traced.values(), executed.values(), "every statistic");
  }
}
