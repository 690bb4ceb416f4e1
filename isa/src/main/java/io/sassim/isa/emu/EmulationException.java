package io.sassim.isa.emu;

import io.sassim.isa.InputException;
import io.sassim.isa.sass.Instruction;

/**
 * A launch the emulator cannot carry out: an instruction it does not implement, a memory access
 * outside every allocation, a deadlock, a trap. The message names the listing line, the kernel,
 * the PC and the instruction, so it points at the SASS that caused it.
 */
public final class EmulationException extends InputException {
  private static final long serialVersionUID = 1L;

  EmulationException(String file, int line, String problem) {
    super(file, line, problem);
  }

  static EmulationException at(LoadedKernel kernel, Instruction in, Warp w, String problem) {
    String where = "kernel " + kernel.name() + ", PC 0x" + Integer.toHexString(in.pc()) + " (" + in.text() + ")";
    if (w != null) {
      where += ", CTA " + w.block.ctaIdText() + " warp " + w.warpInCta;
    }
    return new EmulationException(kernel.listingFile(), in.line(), where + ": " + problem);
  }
}
