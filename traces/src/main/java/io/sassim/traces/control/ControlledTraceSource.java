package io.sassim.traces.control;

import io.sassim.isa.InputException;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A traced program whose kernels open as {@link ControlledKernelTrace}s: the form the simulator
 * and {@code sassim trace} take when the user passes listings or cubins next to an Accel-Sim trace.
 */
public final class ControlledTraceSource implements TraceSource {

  private final TraceSource inner;
  private final ControlBitSource control;
  private final MismatchPolicy policy;
  /** Every mismatch of every kernel opened so far; a set, since a source can be replayed. */
  private final Set<ControlMismatch> mismatches = new LinkedHashSet<>();

  public ControlledTraceSource(TraceSource inner, ControlBitSource control, MismatchPolicy policy) {
    this.inner = inner;
    this.control = control;
    this.policy = policy;
  }

  @Override
  public String origin() {
    return inner.origin();
  }

  @Override
  public List<TraceCommand> commands() {
    return inner.commands();
  }

  @Override
  public KernelTrace openKernel(TraceCommand.Kernel kernel) throws InputException {
    KernelTrace trace = inner.openKernel(kernel);
    try {
      return new ControlledKernelTrace(
          trace, control, kernel.file().toString(), policy, mismatches::add);
    } catch (InputException | RuntimeException e) {
      try {
        trace.close();
      } catch (InputException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * The mismatches met in the kernels opened so far, in the order found (only under {@link
   * MismatchPolicy#REPORT}). A kernel's list is complete once its last CTA has been read.
   */
  @Override
  public void close() throws InputException {
    inner.close();
  }

  public List<ControlMismatch> mismatches() {
    return List.copyOf(mismatches);
  }
}
