package io.sassim.isa.sass;

/**
 * A floating-point immediate, printed in decimal: {@code 0.5}, {@code 2}, {@code +INF},
 * {@code -QNAN}, {@code 1.469367938527859385e-39}. The printed text is kept because FP16x2 and FP64
 * operations encode the value differently from FP32 (sass-semantics.md §0.3).
 */
public record FloatImmediate(String text, double value) implements Operand {
  @Override
  public String format() {
    return text;
  }
}
