package io.sassim.isa.emu;

/**
 * A source operand decoded once for fast reads by lane: a per-thread register, a uniform register,
 * an immediate (constants of the launch, including direct {@code c[b][off]} references, are folded
 * into immediates at decode time) or a register-indexed constant. Modifiers stay as flags; each
 * operation applies them with the meaning its datatype gives them.
 */
final class Src {
  static final int IMM = 0;
  static final int REG = 1;
  static final int UREG = 2;
  static final int CONST_INDEXED = 3;

  final int kind;
  /** REG: register number × 32; UREG: register number. */
  final int index;
  /** IMM: low word; CONST_INDEXED: byte offset. */
  final int imm;
  /** IMM: high word of a 64-bit immediate or pair. */
  final int immHi;
  final boolean neg;
  final boolean abs;
  final boolean inv;
  /** Lane swizzle of a 16-bit pair: 0 none, 1 H0_H0, 2 H1_H1, 3 H1_H0 (swap), 4 H0 only, 5 H1 only. */
  final int swizzle;
  /** CONST_INDEXED: the bank and the register added to {@link #imm}. */
  final byte[] bank;
  final Src indexReg;

  Src(int kind, int index, int imm, int immHi, boolean neg, boolean abs, boolean inv, int swizzle,
      byte[] bank, Src indexReg) {
    this.kind = kind;
    this.index = index;
    this.imm = imm;
    this.immHi = immHi;
    this.neg = neg;
    this.abs = abs;
    this.inv = inv;
    this.swizzle = swizzle;
    this.bank = bank;
    this.indexReg = indexReg;
  }

  static Src immediate(int value) {
    return new Src(IMM, 0, value, 0, false, false, false, 0, null, null);
  }

  static Src immediate64(long value) {
    return new Src(IMM, 0, (int) value, (int) (value >>> 32), false, false, false, 0, null, null);
  }

  boolean isImmediate() {
    return kind == IMM;
  }

  /** The raw 32-bit value in {@code lane}, modifiers not applied. */
  int get(Warp w, int lane) {
    switch (kind) {
      case IMM:
        return imm;
      case REG:
        return w.r[index + lane];
      case UREG:
        return w.ur[index];
      default:
        return constWord(w, lane, 0);
    }
  }

  /** The second register of a pair (or the high word of a 64-bit immediate or constant). */
  int hi(Warp w, int lane) {
    switch (kind) {
      case IMM:
        return immHi;
      case REG:
        return w.r[index + 32 + lane];
      case UREG:
        return w.ur[index + 1];
      default:
        return constWord(w, lane, 4);
    }
  }

  /** Register {@code k} of a block starting here (k = 0..3), for 128-bit and fragment operands. */
  int word(Warp w, int lane, int k) {
    switch (kind) {
      case IMM:
        return k == 0 ? imm : k == 1 ? immHi : 0;
      case REG:
        return w.r[index + 32 * k + lane];
      case UREG:
        return w.ur[index + k];
      default:
        return constWord(w, lane, 4 * k);
    }
  }

  long get64(Warp w, int lane) {
    return ((long) hi(w, lane) << 32) | (get(w, lane) & 0xFFFFFFFFL);
  }

  /** Integer value with {@code ~} and {@code -} applied (two's complement, 32 bits). */
  int intValue(Warp w, int lane) {
    int v = get(w, lane);
    if (inv) {
      v = ~v;
    }
    if (abs) {
      v = Math.abs(v);
    }
    return neg ? -v : v;
  }

  /** FP32 bits with {@code |x|} then {@code -x} applied to the sign. */
  int floatBits(Warp w, int lane) {
    int v = get(w, lane);
    if (abs) {
      v &= 0x7FFFFFFF;
    }
    return neg ? v ^ 0x80000000 : v;
  }

  float floatValue(Warp w, int lane) {
    return Float.intBitsToFloat(floatBits(w, lane));
  }

  /** FP64 bits of a pair with {@code |x|} and {@code -x} applied. */
  long doubleBits(Warp w, int lane) {
    long v = get64(w, lane);
    if (abs) {
      v &= 0x7FFFFFFFFFFFFFFFL;
    }
    return neg ? v ^ 0x8000000000000000L : v;
  }

  double doubleValue(Warp w, int lane) {
    return Double.longBitsToDouble(doubleBits(w, lane));
  }

  private int constWord(Warp w, int lane, int extra) {
    long offset = (long) imm + indexReg.get(w, lane) + extra;
    if (offset < 0 || offset + 4 > bank.length) {
      // Reads past a bank return zero on hardware as far as anyone relies on it; stay lenient.
      return 0;
    }
    return (bank[(int) offset] & 0xFF) | (bank[(int) offset + 1] & 0xFF) << 8
        | (bank[(int) offset + 2] & 0xFF) << 16 | (bank[(int) offset + 3] & 0xFF) << 24;
  }
}
