package io.sassim.validate;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.exec.ExecutionDrivenRun;
import io.sassim.sim.exec.ExecutionResult;
import io.sassim.sim.gpu.SimulationStuckException;
import java.nio.file.Path;

/**
 * Simulates a launch spec execution-driven: the emulator runs the kernel as the timing model
 * fetches it, so a microbenchmark's clock reads return the simulated SM cycle at which they
 * issue, and its clock deltas are the model's. The binding {@code sassim validate} uses.
 */
public final class ExecutionDrivenSimulator implements CaseSimulator {

  @Override
  public SimulatedLaunch simulate(GpuConfig gpu, Path launchSpec)
      throws SimulationFailedException {
    try {
      ExecutionResult r = ExecutionDrivenRun.run(gpu, launchSpec);
      return new SimulatedLaunch(r.stats().cycles(), r.stats().warpInstructions(),
          r.buffers());
    } catch (InputException e) {
      throw new SimulationFailedException(e.getMessage(), e);
    } catch (SimulationStuckException e) {
      throw new SimulationFailedException("watchdog: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "execution-driven: the emulator runs the kernel as the timing model fetches it; "
        + "clock reads return the simulated cycle";
  }
}
