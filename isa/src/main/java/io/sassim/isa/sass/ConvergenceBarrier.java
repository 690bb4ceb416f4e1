package io.sassim.isa.sass;

/** A convergence-barrier register {@code B0}..{@code B15} (BSSY, BSYNC, BREAK, BMOV). */
public record ConvergenceBarrier(int index) implements Operand {
  @Override
  public String format() {
    return "B" + index;
  }
}
