package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.util.List;

/** An Accel-Sim trace folder: its command list, with each kernel opened from its own file. */
final class AccelSimTraceSource implements TraceSource {

  private final String origin;
  private final List<TraceCommand> commands;

  AccelSimTraceSource(String origin, List<TraceCommand> commands) {
    this.origin = origin;
    this.commands = List.copyOf(commands);
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public List<TraceCommand> commands() {
    return commands;
  }

  @Override
  public KernelTrace openKernel(TraceCommand.Kernel kernel) throws InputException {
    return AccelSimTraces.openKernel(kernel.file());
  }

  @Override
  public String toString() {
    return "Accel-Sim traces " + origin;
  }
}
