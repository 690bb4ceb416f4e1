package io.sassim.isa.sass;

/**
 * A constant-bank reference: {@code c[0x0][0x160]}, {@code c[0x3][R4+0x10]}, {@code c[0x0][UR4]},
 * possibly negated or absolute ({@code -c[0x0][0x18]}).
 *
 * @param index register added to the offset (R or UR), or null for a direct reference
 * @param offset byte offset inside the bank
 */
public record ConstantOperand(
    int bank, RegisterOperand index, long offset, boolean negated, boolean absolute, boolean inverted)
    implements Operand {

  @Override
  public String format() {
    StringBuilder b = new StringBuilder(20);
    if (negated) {
      b.append('-');
    }
    if (inverted) {
      b.append('~');
    }
    if (absolute) {
      b.append('|');
    }
    b.append("c[").append(Hex.format(bank)).append("][");
    if (index != null) {
      b.append(index.format());
      if (offset != 0) {
        b.append(offset < 0 ? "-" : "+").append(Hex.format(Math.abs(offset)));
      }
    } else {
      b.append(Hex.format(offset));
    }
    b.append(']');
    if (absolute) {
      b.append('|');
    }
    return b.toString();
  }
}
