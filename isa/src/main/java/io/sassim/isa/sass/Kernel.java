package io.sassim.isa.sass;

import io.sassim.isa.arch.Architecture;
import java.util.List;

/**
 * One function of a listing: its instructions in PC order, 16 bytes apart from PC 0, so the
 * instruction at a PC is a plain index.
 */
public record Kernel(String name, Architecture architecture, List<Instruction> instructions) {

  public Kernel {
    instructions = List.copyOf(instructions);
  }

  /** The instruction at {@code pc}, or null when the PC is outside the function or not 16-aligned. */
  public Instruction at(int pc) {
    if (pc < 0 || (pc & 0xF) != 0 || (pc >> 4) >= instructions.size()) {
      return null;
    }
    return instructions.get(pc >> 4);
  }

  public int size() {
    return instructions.size();
  }
}
