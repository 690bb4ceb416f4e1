package io.sassim.isa.sass;

/**
 * The guard predicate of an instruction: {@code @P0}, {@code @!P2}, {@code @UP1}, {@code @!PT}.
 * {@link #NONE} stands for an unguarded instruction.
 *
 * @param file P or UP, or null for {@link #NONE}
 */
public record Guard(RegisterFile file, int index, boolean negated) {
  /** No guard printed: the instruction always executes. */
  public static final Guard NONE = new Guard(null, 0, false);

  public boolean isNone() {
    return file == null;
  }

  /** {@code @!PT}: the instruction never executes (used as padding). */
  public boolean isNever() {
    return file != null && negated && index == file.zeroIndex();
  }

  /** {@code @P0}, {@code @!UP3}, or an empty string for {@link #NONE}. */
  public String format() {
    return isNone() ? "" : (negated ? "@!" : "@") + file.name(index);
  }
}
