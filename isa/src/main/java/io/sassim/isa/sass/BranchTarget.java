package io.sassim.isa.sass;

/** A direct branch, call or convergence target: an absolute function-relative PC ({@code BRA 0x140}). */
public record BranchTarget(int pc) implements Operand {
  @Override
  public String format() {
    return Hex.format(pc);
  }
}
