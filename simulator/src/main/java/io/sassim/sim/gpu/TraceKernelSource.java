package io.sassim.sim.gpu;

import io.sassim.isa.InputException;
import io.sassim.sim.core.TraceWarpStream;
import io.sassim.sim.core.WarpStream;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;

/** A kernel's trace as a {@link KernelSource}: each CTA's warp traces wrapped as streams. */
public final class TraceKernelSource implements KernelSource {

  private final KernelTrace trace;

  public TraceKernelSource(KernelTrace trace) {
    this.trace = trace;
  }

  @Override
  public KernelLaunch launch() {
    return trace.launch();
  }

  @Override
  public InstructionTable instructions() {
    return trace.instructions();
  }

  @Override
  public boolean hasControlBits() {
    return trace.hasControlBits();
  }

  @Override
  public Block nextBlock() throws InputException {
    CtaTrace cta = trace.nextCta();
    if (cta == null) {
      return null;
    }
    WarpStream[] warps = new WarpStream[cta.warps().size()];
    for (int i = 0; i < warps.length; i++) {
      warps[i] = new TraceWarpStream(cta.warps().get(i));
    }
    return new Block(cta.linearId(trace.launch().grid()), warps);
  }
}
