package io.sassim.isa.sass;

/**
 * The shared-memory matrix descriptors of a Hopper warpgroup MMA, {@code gdesc[UR8]}: the uniform
 * registers from {@code base} on hold the 64-bit descriptors of A and B (four registers).
 */
public record MatrixDescriptor(RegisterOperand base) implements Operand {
  @Override
  public String format() {
    return "gdesc[" + base.format() + "]";
  }
}
