package io.sassim.isa.sass;

/** An integer immediate, printed in hex: {@code 0x1f}, {@code -0x1}. {@code text} is the printed form. */
public record IntImmediate(String text, long value) implements Operand {
  @Override
  public String format() {
    return text;
  }
}
