package io.sassim.sweep;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.stats.RunReport;

/**
 * Runs one workload on one GPU config and returns its statistics. The sweep knows nothing else
 * about how a workload executes, so trace replay and execution-driven runs of launch specs are
 * interchangeable. Implementations are called from several threads at once.
 */
public interface WorkloadRunner {

  /**
   * Does once what every run of {@code workload} needs (e.g. recording a launch's trace), so that
   * tasks on other machines find it done. Safe to call again; the default does nothing.
   */
  default void prepare(Workload workload, GpuConfig base) throws InputException {}

  /** Simulates every kernel of {@code workload} on a fresh chip built from {@code config}. */
  RunReport run(GpuConfig config, Workload workload)
      throws InputException, SimulationStuckException;
}
