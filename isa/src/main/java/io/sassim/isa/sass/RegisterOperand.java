package io.sassim.isa.sass;

/**
 * A register or a block of consecutive registers: {@code R4}, {@code -|R5|}, {@code ~UR6},
 * {@code !P3}, {@code R2.reuse}, {@code R7.H1_H1}, {@code R8.ROW}.
 *
 * <p>{@code count} is how many consecutive registers the operand names: 1 for a plain 32-bit
 * operand, 2 for a 64-bit pair, 4 for a quad or a tensor fragment. cuobjdump prints only the first
 * register; the count comes from the opcode and its modifiers (see {@link OperandWidths}). A zero
 * register keeps its count: {@code RZ} as the C fragment of an HMMA is four zero registers.
 *
 * @param inverted {@code ~} (bitwise not) on R/UR, {@code !} (logical not) on P/UP
 * @param reuse the {@code .reuse} hint: the value stays in the operand-reuse cache
 * @param swizzle 16-bit lane or byte selector ({@code H0_H0}, {@code H1}, {@code B2}...), or null
 * @param suffix any other printed suffix ({@code ROW}, {@code COL}...), or null
 */
public record RegisterOperand(
    RegisterFile file,
    int index,
    int count,
    boolean negated,
    boolean absolute,
    boolean inverted,
    boolean reuse,
    String swizzle,
    String suffix)
    implements Operand {

  public RegisterOperand {
    if (index < 0 || index > file.zeroIndex()) {
      throw new IllegalArgumentException("register index out of range: " + file.prefix() + index);
    }
    if (count < 1) {
      throw new IllegalArgumentException("register count must be positive: " + count);
    }
  }

  /** A plain single register with no flags or suffixes. */
  public static RegisterOperand of(RegisterFile file, int index) {
    return new RegisterOperand(file, index, 1, false, false, false, false, null, null);
  }

  /** RZ, URZ, PT or UPT. */
  public boolean isZero() {
    return index == file.zeroIndex();
  }

  /** Register name without flags: {@code R4}, {@code RZ}. */
  public String name() {
    return file.name(index);
  }

  /** The same operand naming {@code newCount} consecutive registers. */
  public RegisterOperand withCount(int newCount) {
    return newCount == count
        ? this
        : new RegisterOperand(file, index, newCount, negated, absolute, inverted, reuse, swizzle, suffix);
  }

  @Override
  public String format() {
    StringBuilder b = new StringBuilder(12);
    if (negated) {
      b.append('-');
    }
    if (inverted) {
      b.append(file.isPredicate() ? '!' : '~');
    }
    if (absolute) {
      b.append('|');
    }
    b.append(name());
    // cuobjdump prints the reuse hint right after the name (R10.reuse.H0_H0). Under an absolute
    // value the hint and a lane-pair swizzle move behind the bars (|R13|.reuse.H0_H0), while a
    // single-half select stays inside (|R8.H1| in F2I.F16).
    boolean behindBars = absolute && swizzle != null && swizzle.contains("_");
    if (reuse && !absolute) {
      b.append(".reuse");
    }
    if (swizzle != null && !behindBars) {
      b.append('.').append(swizzle);
    }
    if (suffix != null) {
      b.append('.').append(suffix);
    }
    if (absolute) {
      b.append('|');
      if (reuse) {
        b.append(".reuse");
      }
      if (behindBars) {
        b.append('.').append(swizzle);
      }
    }
    return b.toString();
  }
}
