package io.sassim.isa.emu;

/** A destination register: per-thread, uniform, or a zero register whose writes are dropped. */
final class Dst {
  static final int NONE = 0;
  static final int REG = 1;
  static final int UREG = 2;

  static final Dst DISCARD = new Dst(NONE, 0);

  final int kind;
  /** REG: register number × 32; UREG: register number. */
  final int index;

  Dst(int kind, int index) {
    this.kind = kind;
    this.index = index;
  }

  boolean isDiscarded() {
    return kind == NONE;
  }

  void set(Warp w, int lane, int value) {
    if (kind == REG) {
      w.r[index + lane] = value;
    } else if (kind == UREG) {
      w.ur[index] = value;
    }
  }

  /** Register {@code k} of a block starting here. */
  void setWord(Warp w, int lane, int k, int value) {
    if (kind == REG) {
      w.r[index + 32 * k + lane] = value;
    } else if (kind == UREG) {
      if (index + k < 63) {
        w.ur[index + k] = value;
      }
    }
  }

  void set64(Warp w, int lane, long value) {
    setWord(w, lane, 0, (int) value);
    setWord(w, lane, 1, (int) (value >>> 32));
  }
}
