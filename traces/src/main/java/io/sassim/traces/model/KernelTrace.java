package io.sassim.traces.model;

import io.sassim.isa.InputException;

/**
 * A kernel's trace, read one thread block at a time. Implementations stream from disk or from
 * the emulator; none holds more than a block's warps at once.
 */
public interface KernelTrace extends AutoCloseable {

  KernelLaunch launch();

  /**
   * The static instructions seen so far. Ids handed out in earlier CTAs stay valid; a later CTA
   * may add entries.
   */
  InstructionTable instructions();

  /**
   * True when every instruction carries compiler control bits; false means scoreboard mode.
   * Accel-Sim (NVBit) traces carry none, so their readers answer false; the control bits of such
   * a trace come from the program's listing or cubin through {@code
   * io.sassim.traces.control.ControlledKernelTrace}.
   */
  boolean hasControlBits();

  /** The next thread block, or {@code null} after the last one. */
  CtaTrace nextCta() throws InputException;

  @Override
  void close() throws InputException;
}
