package io.sassim.isa.sass;

/**
 * All seven predicates of a thread ({@code PR}) or of a warp's uniform predicates ({@code UPR}) as
 * one bit field, as P2R and R2P move them to and from a register. Bit i is P{i}.
 */
public record PredicateFileOperand(boolean uniform) implements Operand {
  @Override
  public String format() {
    return uniform ? "UPR" : "PR";
  }
}
