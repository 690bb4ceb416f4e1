package io.sassim.sim.gpu;

import io.sassim.isa.InputException;
import io.sassim.sim.stats.KernelStats;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.util.function.Predicate;

/**
 * Runs a traced program's kernel launches on one {@link Gpu}, in the order of its command list
 * (one stream). Copies are skipped: with perfect memory they cost nothing.
 */
public final class TraceReplay {

  /** Receives each kernel's statistics as soon as it finishes. */
  public interface Listener {
    /**
     * @param launchUid 1-based position of the kernel among the input's launches
     * @param launch the kernel's trace header
     */
    void finished(int launchUid, KernelLaunch launch, KernelStats stats) throws InputException;
  }

  /** SM version x 10 of the oldest architecture sassim models. */
  private static final int OLDEST_MODELLED = 80;

  private final Gpu gpu;
  private final Predicate<KernelLaunch> selected;

  /** @param selected which launches to simulate; the others are opened for their header only */
  public TraceReplay(Gpu gpu, Predicate<KernelLaunch> selected) {
    this.gpu = gpu;
    this.selected = selected;
  }

  /** Simulates every selected kernel of {@code source}; returns how many ran. */
  public int run(TraceSource source, Listener listener)
      throws InputException, SimulationStuckException {
    int uid = 0;
    int ran = 0;
    for (TraceCommand command : source.commands()) {
      if (!(command instanceof TraceCommand.Kernel k)) {
        continue;
      }
      uid++;
      try (KernelTrace kernel = source.openKernel(k)) {
        if (!selected.test(kernel.launch())) {
          continue;
        }
        KernelStats stats;
        try {
          stats = gpu.run(kernel, k.file().toString());
        } catch (InputException e) {
          throw explainOldTarget(e, kernel.launch());
        }
        ran++;
        listener.finished(uid, kernel.launch(), stats);
      }
    }
    return ran;
  }

  /**
   * A kernel compiled for an SM older than sassim's oldest model (sm_80) runs only where each of
   * its opcodes still exists; when one does not, say why the trace was the problem.
   */
  private InputException explainOldTarget(InputException e, KernelLaunch launch) {
    int version = launch.binaryVersion();
    if (version <= 0 || version >= OLDEST_MODELLED) {
      return e;
    }
    return new InputException(e.file(), e.line(), e.problem() + " (the kernel was compiled for "
        + "sm_" + version + "; sassim models sm_80 and newer, and runs older traces only when "
        + "all their opcodes exist on " + gpu.config().architecture() + ")", e);
  }
}
