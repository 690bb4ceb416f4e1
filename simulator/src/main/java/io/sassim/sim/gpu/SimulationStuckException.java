package io.sassim.sim.gpu;

import java.util.List;

/** The watchdog saw no forward progress: the report names every stuck warp and its wait. */
public final class SimulationStuckException extends Exception {

  private final List<String> warps;

  public SimulationStuckException(String summary, List<String> warps) {
    super(summary);
    this.warps = List.copyOf(warps);
  }

  /** One line per resident warp. */
  public List<String> warps() {
    return warps;
  }
}
