package io.sassim.isa.sass;

import java.util.List;

/**
 * One SASS instruction as listed by cuobjdump, decoded once and shared by everything downstream.
 *
 * @param kernel name of the function it belongs to
 * @param pc function-relative byte address (multiple of 16)
 * @param opcode base mnemonic without modifiers ({@code IMAD} for {@code IMAD.WIDE.U32}); empty
 *     for an instruction the disassembler printed without a mnemonic (see {@link #isUnprinted()})
 * @param modifiers the dot-separated rest of the mnemonic, in order ({@code [WIDE, U32]})
 * @param operands typed operands in printed order; register counts already widened by {@link
 *     OperandWidths}
 * @param encodingLow low 64-bit word of the 128-bit encoding
 * @param encodingHigh high 64-bit word (holds the control bits)
 * @param control control bits decoded from {@code encodingHigh}
 * @param line 1-based line of the listing that printed the instruction
 */
public record Instruction(
    String kernel,
    int pc,
    Guard guard,
    String opcode,
    List<String> modifiers,
    List<Operand> operands,
    long encodingLow,
    long encodingHigh,
    ControlBits control,
    int line) {

  public Instruction {
    modifiers = List.copyOf(modifiers);
    operands = List.copyOf(operands);
  }

  /**
   * True for an encoding-only line pair: older disassemblers print no PC and no mnemonic for some
   * sm_90 opcodes (sass-semantics.md §0.3), so only the raw encoding is known.
   */
  public boolean isUnprinted() {
    return opcode.isEmpty();
  }

  public boolean hasModifier(String modifier) {
    // Plain loop: called by the simulator's decoder per instruction, not per cycle, but cheap anyway.
    for (int i = 0; i < modifiers.size(); i++) {
      if (modifiers.get(i).equals(modifier)) {
        return true;
      }
    }
    return false;
  }

  public Operand operand(int i) {
    return operands.get(i);
  }

  /** Opcode with its modifiers: {@code IMAD.WIDE.U32}. */
  public String mnemonic() {
    if (modifiers.isEmpty()) {
      return opcode;
    }
    return opcode + "." + String.join(".", modifiers);
  }

  /**
   * The instruction in cuobjdump's spelling without the trailing semicolon, e.g. {@code @!P0 BRA
   * 0x140}; {@code <unprinted 0x...:0x...>} for an encoding-only instruction.
   */
  public String text() {
    if (isUnprinted()) {
      return String.format("<unprinted 0x%016x 0x%016x>", encodingLow, encodingHigh);
    }
    StringBuilder b = new StringBuilder(48);
    if (!guard.isNone()) {
      b.append(guard.format()).append(' ');
    }
    b.append(mnemonic());
    for (int i = 0; i < operands.size(); i++) {
      b.append(i == 0 ? " " : ", ").append(operands.get(i).format());
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return String.format("/*%04x*/ %s", pc, text());
  }
}
