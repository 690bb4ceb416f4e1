package io.sassim.isa.sass;

/** A dependence counter {@code SB0}..{@code SB5}, as named by {@code DEPBAR.LE SB0, 0x1}. */
public record ScoreboardOperand(int index) implements Operand {
  @Override
  public String format() {
    return "SB" + index;
  }
}
