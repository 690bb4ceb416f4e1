package io.sassim.isa.emu;

/**
 * A predicate operand, source or destination: P0..P6 are lane masks of the warp, UP0..UP6 bits of
 * one uniform word. PT and UPT read true (false when negated) and drop writes.
 */
final class Pred {
  static final Pred TRUE = new Pred(false, 7, false);

  final boolean uniform;
  final int index;
  final boolean negated;

  Pred(boolean uniform, int index, boolean negated) {
    this.uniform = uniform;
    this.index = index;
    this.negated = negated;
  }

  boolean isConstant() {
    return index == 7;
  }

  boolean get(Warp w, int lane) {
    boolean v = uniform ? ((w.up >>> index) & 1) != 0 : ((w.p[index] >>> lane) & 1) != 0;
    return v != negated;
  }

  /** The lanes of the warp in which this predicate is true. */
  int laneMask(Warp w) {
    int m = uniform ? (((w.up >>> index) & 1) != 0 ? -1 : 0) : w.p[index];
    return negated ? ~m : m;
  }

  void set(Warp w, int lane, boolean value) {
    if (index == 7) {
      return;
    }
    if (uniform) {
      w.up = value ? w.up | (1 << index) : w.up & ~(1 << index);
    } else {
      w.p[index] = value ? w.p[index] | (1 << lane) : w.p[index] & ~(1 << lane);
    }
  }
}
