package io.sassim.traces.model;

import io.sassim.isa.InputException;
import java.util.List;

/**
 * A traced program: its commands in order, and a way to open each kernel's trace. Opening a
 * kernel starts a fresh stream, so a source can be replayed.
 */
public interface TraceSource {

  /** What the source was read from, for messages. */
  String origin();

  List<TraceCommand> commands();

  /** Opens the trace of one kernel command of {@link #commands()}. */
  KernelTrace openKernel(TraceCommand.Kernel kernel) throws InputException;
}
