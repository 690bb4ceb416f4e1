package io.sassim.isa.sass;

/** A special register read by S2R, S2UR or CS2R: {@code SR_TID.X}, {@code SR_CLOCKLO}, {@code SRZ}. */
public record SpecialRegisterOperand(String name) implements Operand {
  @Override
  public String format() {
    return name;
  }
}
