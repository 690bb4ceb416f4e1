package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.WarpTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a whole kernel read into memory, and lookups by PC. */
final class Kernels {

  /** Every CTA of a kernel file, with the table as it stands after the last one. */
  record Whole(KernelTrace trace, List<CtaTrace> ctas) {
    InstructionTable table() {
      return trace.instructions();
    }

    long warpInstructions() {
      long n = 0;
      for (CtaTrace c : ctas) {
        n += c.warpInstructions();
      }
      return n;
    }

    /** Index of the first entry of {@code warp} whose instruction has this PC. */
    int atPc(WarpTrace warp, int pc) {
      for (int i = 0; i < warp.length(); i++) {
        if (table().get(warp.instructionId(i)).pc() == pc) {
          return i;
        }
      }
      throw new AssertionError("no PC " + Integer.toHexString(pc) + " in " + warp);
    }

    StaticInstruction instruction(WarpTrace warp, int i) {
      return table().get(warp.instructionId(i));
    }
  }

  private Kernels() {}

  static Whole read(Path file) throws InputException {
    try (KernelTrace t = AccelSimTraces.openKernel(file)) {
      return readAll(t);
    }
  }

  static Whole readAll(KernelTrace t) throws InputException {
    List<CtaTrace> ctas = new ArrayList<>();
    for (CtaTrace c = t.nextCta(); c != null; c = t.nextCta()) {
      ctas.add(c);
    }
    return new Whole(t, ctas);
  }
}
