package io.sassim.validate;

import io.sassim.sim.config.GpuConfig;
import java.nio.file.Path;

/**
 * Simulates one launch spec for a validation case. {@link ExecutionDrivenSimulator} is the binding
 * {@code sassim validate} uses; tests bind fixed values.
 */
public interface CaseSimulator {

  /**
   * Runs {@code launchSpec} on {@code gpu}, choosing the binary of the config's architecture.
   *
   * @throws SimulationFailedException when this launch cannot be simulated (an instruction the
   *     emulator lacks, a watchdog trip); the case is then reported as skipped
   */
  SimulatedLaunch simulate(GpuConfig gpu, Path launchSpec) throws SimulationFailedException;

  /** One line for reports on where the simulated numbers come from. */
  String describe();
}
