package io.sassim.sweep;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.stats.RunReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one task and records its result: loads the point's config (the base GPU with the point's
 * overrides), runs the workload, and writes the result file. Every executor, local or on a Slurm
 * node, goes through here, so a task's result does not depend on where it ran.
 */
public final class TaskRunner {

  /** Why a task produced no result. */
  public static final class TaskFailure extends Exception {
    private static final long serialVersionUID = 1L;

    TaskFailure(SweepTask task, String why, Throwable cause) {
      super("point " + task.point().index() + " (" + task.point().label() + ") on "
          + task.workload().name() + ": " + why, cause);
    }
  }

  private final SweepSpec spec;
  private final SweepStore store;
  private final WorkloadRunner runner;

  public TaskRunner(SweepSpec spec, SweepStore store, WorkloadRunner runner) {
    this.spec = spec;
    this.store = store;
    this.runner = runner;
  }

  public SweepSpec spec() {
    return spec;
  }

  public SweepStore store() {
    return store;
  }

  /** Does the once-per-workload preparation (trace recording) for every workload. */
  public void prepare() throws TaskFailure {
    GpuConfig base;
    try {
      base = GpuConfigLoader.load(spec.gpuFile(), Map.of());
    } catch (InputException e) {
      throw new IllegalStateException("the spec loader checked the base config", e);
    }
    for (SweepTask t : spec.tasks()) {
      if (t.point().index() != 0) {
        break;
      }
      try {
        runner.prepare(t.workload(), base);
      } catch (InputException e) {
        throw new TaskFailure(t, e.getMessage(), e);
      }
    }
  }

  /** Runs {@code task} and writes its result file. */
  public PointResult run(SweepTask task) throws TaskFailure {
    long start = System.nanoTime();
    try {
      GpuConfig config = GpuConfigLoader.load(spec.gpuFile(), task.point().settings());
      RunReport report = runner.run(config, task.workload());
      Map<String, Number> metrics = new LinkedHashMap<>();
      for (String m : spec.metrics()) {
        metrics.put(m, SweepMetrics.value(report, m));
      }
      PointResult r = new PointResult(task.index(), task.point().index(), task.workload().name(),
          task.point().settings(), report.totalCycles(), metrics,
          (System.nanoTime() - start) / 1e9);
      store.write(task, r);
      return r;
    } catch (InputException e) {
      throw new TaskFailure(task, e.getMessage(), e);
    } catch (SimulationStuckException e) {
      throw new TaskFailure(task, "watchdog: " + e.getMessage(), e);
    }
  }
}
