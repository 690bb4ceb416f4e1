package io.sassim.bench;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.WarpTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * A real trace made {@code copies} times larger for benchmarks: every kernel's CTAs are replayed
 * {@code copies} times as a one-dimensional grid, each copy's addresses moved by 256 MiB so that
 * compressors cannot simply match one copy against the previous one.
 */
final class ReplicatedTraceSource implements TraceSource {

  static final long COPY_OFFSET = 256L << 20;

  private final TraceSource inner;
  private final int copies;

  ReplicatedTraceSource(TraceSource inner, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1");
    }
    this.inner = inner;
    this.copies = copies;
  }

  @Override
  public String origin() {
    return inner.origin() + " x" + copies;
  }

  @Override
  public List<TraceCommand> commands() {
    return inner.commands();
  }

  @Override
  public void close() throws InputException {
    inner.close();
  }

  @Override
  public KernelTrace openKernel(TraceCommand.Kernel kernel) throws InputException {
    return new Replicated(kernel);
  }

  private final class Replicated implements KernelTrace {
    private final TraceCommand.Kernel command;
    private KernelTrace current;
    private final KernelLaunch launch;
    private final InstructionTable table;
    private int copy;
    private int nextCtaId;
    private long[] shifted = new long[32];

    Replicated(TraceCommand.Kernel command) throws InputException {
      this.command = command;
      this.current = inner.openKernel(command);
      this.table = current.instructions();
      KernelLaunch l = current.launch();
      long ctas = l.ctaCount() * copies;
      if (ctas > Integer.MAX_VALUE) {
        throw new InputException(inner.origin(), 0, "too many CTAs to replicate " + copies + " times");
      }
      this.launch = new KernelLaunch(l.name(), l.kernelId(), new Dim3((int) ctas, 1, 1), l.block(),
          l.sharedBytes(), l.registersPerThread(), l.binaryVersion(), l.streamId(),
          l.sharedWindowBase(), l.localWindowBase(), l.tracerName(), l.tracerVersion(),
          l.lineInfo(), l.extraHeader());
    }

    @Override
    public KernelLaunch launch() {
      return launch;
    }

    @Override
    public InstructionTable instructions() {
      return table;
    }

    @Override
    public boolean hasControlBits() {
      return current.hasControlBits();
    }

    @Override
    public CtaTrace nextCta() throws InputException {
      CtaTrace cta = current.nextCta();
      while (cta == null) {
        if (++copy == copies) {
          return null;
        }
        current.close();
        // Re-reading interns into a fresh table; ids agree because the same file is read in the
        // same order.
        current = inner.openKernel(command);
        cta = current.nextCta();
      }
      List<WarpTrace> warps = new ArrayList<>(cta.warps().size());
      long offset = copy * COPY_OFFSET;
      for (WarpTrace w : cta.warps()) {
        warps.add(copy == 0 ? w : shift(w, offset));
      }
      return new CtaTrace(new Dim3(nextCtaId++, 0, 0), warps);
    }

    private WarpTrace shift(WarpTrace w, long offset) {
      WarpTrace.Builder b = new WarpTrace.Builder(w.warpInCta(), w.length());
      for (int i = 0; i < w.length(); i++) {
        int n = w.addressCount(i);
        if (shifted.length < n) {
          shifted = new long[n];
        }
        for (int k = 0; k < n; k++) {
          long a = w.address(i, k);
          shifted[k] = a == 0 ? 0 : a + offset;
        }
        b.add(w.instructionId(i), w.activeMask(i), shifted, n, w.addressMode(i));
      }
      return b.build();
    }

    @Override
    public void close() throws InputException {
      current.close();
    }
  }
}
