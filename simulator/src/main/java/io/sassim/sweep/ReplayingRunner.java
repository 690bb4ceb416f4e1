package io.sassim.sweep;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.gpu.TraceReplay;
import io.sassim.sim.stats.RunReport;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.model.TraceSource;
import java.nio.file.Path;

/**
 * Runs workloads by replaying traces, as {@code sassim run} does: every kernel in launch order on
 * one fresh {@link Gpu} on the calling thread (a sweep's parallelism is across points, and one
 * thread per run keeps each result independent of the pool). A launch spec is replayed from the
 * trace {@link LaunchTraces} records for it once: replay is about 2.5 times faster than an
 * execution-driven run at every point, and for kernels whose path does not depend on timing the
 * cycles are the same.
 */
public final class ReplayingRunner implements WorkloadRunner {

  /** Cycles each SM runs between block exchanges: {@code sassim run}'s default. */
  static final int WINDOW_CYCLES = 8;

  private final LaunchTraces launches;

  /** @param traceFolder where recorded launch traces are kept (the sweep's {@code traces/}) */
  public ReplayingRunner(Path traceFolder) {
    this.launches = new LaunchTraces(traceFolder);
  }

  @Override
  public void prepare(Workload workload, GpuConfig base) throws InputException {
    if (workload.kind() == Workload.Kind.LAUNCH) {
      launches.trace(workload, base);
    }
  }

  @Override
  public RunReport run(GpuConfig config, Workload workload)
      throws InputException, SimulationStuckException {
    Path trace = workload.kind() == Workload.Kind.LAUNCH
        ? launches.trace(workload, config) : workload.path();
    Gpu gpu = new Gpu(config);
    gpu.setWindowCycles(WINDOW_CYCLES);
    gpu.setThreads(null);
    RunReport report = new RunReport();
    try (TraceSource source = TraceFiles.open(trace)) {
      new TraceReplay(gpu, launch -> true).run(source, (uid, launch, stats) ->
          report.add(uid, stats));
    }
    if (report.kernels().isEmpty()) {
      throw new InputException(workload.path().toString(), 0, "no kernel launches to simulate");
    }
    return report;
  }
}
