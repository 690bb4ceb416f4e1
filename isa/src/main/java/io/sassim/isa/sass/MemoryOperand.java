package io.sassim.isa.sass;

/**
 * A memory address: {@code [R2.64+0x80]}, {@code [R9.X4+0x100]}, {@code [R5+UR5]}, {@code [UR4]},
 * {@code [RZ]}, {@code desc[UR4][R2.64]}.
 *
 * @param descriptor the uniform register pair of a {@code desc[URx]} prefix (cache policy), or null
 * @param base per-thread (or, alone, uniform) address register, or null when absent
 * @param wide the base is a 64-bit register pair ({@code .64})
 * @param scale multiplier of the base register ({@code .X4} gives 4); 1 when unscaled
 * @param uniformOffset a uniform register added to the base ({@code [R5+UR5]}), or null
 * @param offset signed byte offset (0 when none printed)
 * @param hasOffset whether an offset was printed ({@code [R2+0x0]} differs from {@code [R2]} only in text)
 * @param widthBits bits accessed per thread, from the opcode modifiers: 8, 16, 32, 64 or 128
 */
public record MemoryOperand(
    RegisterOperand descriptor,
    RegisterOperand base,
    boolean wide,
    int scale,
    RegisterOperand uniformOffset,
    long offset,
    boolean hasOffset,
    int widthBits)
    implements Operand {

  public MemoryOperand withWidth(int bits) {
    return bits == widthBits
        ? this
        : new MemoryOperand(descriptor, base, wide, scale, uniformOffset, offset, hasOffset, bits);
  }

  @Override
  public String format() {
    StringBuilder b = new StringBuilder(24);
    if (descriptor != null) {
      b.append("desc[").append(descriptor.format()).append(']');
    }
    b.append('[');
    boolean first = true;
    if (base != null) {
      b.append(base.format());
      if (wide) {
        b.append(".64");
      }
      if (scale != 1) {
        b.append(".X").append(scale);
      }
      first = false;
    }
    if (uniformOffset != null) {
      if (!first) {
        b.append('+');
      }
      b.append(uniformOffset.format());
      first = false;
    }
    if (hasOffset) {
      if (!first) {
        b.append('+');
      }
      b.append(Hex.format(offset));
    }
    return b.append(']').toString();
  }
}
