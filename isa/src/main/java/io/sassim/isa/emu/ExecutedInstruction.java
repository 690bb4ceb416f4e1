package io.sassim.isa.emu;

import io.sassim.isa.launch.Dim3;
import io.sassim.isa.sass.Instruction;

/**
 * What a listener sees of one executed warp instruction. The emulator reuses one instance, so a
 * listener must copy what it keeps before returning.
 */
public final class ExecutedInstruction {
  private Warp warp;
  private Instruction instruction;
  private int pc;
  private int activeMask;
  private int executedMask;

  void set(Warp warp, Instruction instruction, int pc, int activeMask, int executedMask) {
    this.warp = warp;
    this.instruction = instruction;
    this.pc = pc;
    this.activeMask = activeMask;
    this.executedMask = executedMask;
  }

  public Dim3 ctaId() {
    return warp.block.ctaId();
  }

  /** CTA index in linear order, x fastest. */
  public long ctaLinear() {
    return warp.block.ctaLinear;
  }

  public int warpInCta() {
    return warp.warpInCta;
  }

  /** Function-relative byte address; {@code pc / 16} indexes the kernel's instruction list. */
  public int pc() {
    return pc;
  }

  public Instruction instruction() {
    return instruction;
  }

  /** Lanes that issued the instruction together. */
  public int activeMask() {
    return activeMask;
  }

  /** Lanes of {@link #activeMask()} whose guard predicate was true. */
  public int executedMask() {
    return executedMask;
  }

  /** Whether the instruction accessed memory, so that {@link #address} is defined. */
  public boolean hasAddresses() {
    return warp.hasAddresses;
  }

  /** The address {@code lane} accessed (generic, global, shared or local, as the opcode says). */
  public long address(int lane) {
    return warp.addresses[lane];
  }
}
