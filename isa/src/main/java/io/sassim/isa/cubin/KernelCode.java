package io.sassim.isa.cubin;

/**
 * The machine code of one kernel: the 128-bit instructions of its {@code .text.<name>} section as
 * pairs of little-endian 64-bit words. Instruction {@code i} sits at PC {@code 16 * i}; its high
 * word holds the control bits ({@code ControlBits.decode(high(i))}).
 */
public final class KernelCode {
  private final String name;
  private final long[] words;

  KernelCode(String name, long[] words) {
    this.name = name;
    this.words = words;
  }

  /** The kernel (section) name, mangled as the ELF spells it. */
  public String name() {
    return name;
  }

  public int instructionCount() {
    return words.length / 2;
  }

  /** Low 64-bit word of instruction {@code i} (opcode and operands). */
  public long low(int i) {
    return words[2 * i];
  }

  /** High 64-bit word of instruction {@code i} (operands, modifiers and the control field). */
  public long high(int i) {
    return words[2 * i + 1];
  }

  @Override
  public String toString() {
    return name + " (" + instructionCount() + " instructions)";
  }
}
