package io.sassim.isa.sass;

/**
 * An indirect target, register plus immediate with no comma between them: {@code RET.REL.NODEC R20
 * 0x0}, {@code BRX R2 -0x2d0}, {@code CALL.REL.NOINC R6 0x0}. The register names a 64-bit pair.
 */
public record RelativeTarget(RegisterOperand base, long offset) implements Operand {
  @Override
  public String format() {
    return base.format() + " " + Hex.format(offset);
  }
}
