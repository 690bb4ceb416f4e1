package io.sassim.traces.model;

import io.sassim.isa.InputException;
import java.util.List;

/**
 * A traced program: its commands in order, and a way to open each kernel's trace. Opening a
 * kernel starts a fresh stream, so a source can be replayed. Close it when done: a source may
 * keep its file open for random access.
 */
public interface TraceSource extends AutoCloseable {

  /** What the source was read from, for messages. */
  String origin();

  List<TraceCommand> commands();

  /** Opens the trace of one kernel command of {@link #commands()}. */
  KernelTrace openKernel(TraceCommand.Kernel kernel) throws InputException;

  /** Releases files the source keeps open; kernels opened from it must be closed first. */
  @Override
  default void close() throws InputException {}
}
