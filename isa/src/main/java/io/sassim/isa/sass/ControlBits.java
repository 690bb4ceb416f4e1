package io.sassim.isa.sass;

/**
 * The scheduling metadata the compiler puts in bits 105..125 of every instruction (model-facts.md
 * §1; paper §4): stall count, yield, the dependence counters set at write-back and at operand read,
 * the counters to wait on, and the operand-reuse flags.
 *
 * @param stall cycles before the warp may issue again (0..15)
 * @param yield true when the yield flag asks the scheduler to switch warps (encoded active low)
 * @param writeBarrier counter SB0..SB5 incremented until write-back, or {@link #NONE}
 * @param readBarrier counter incremented until the sources are read, or {@link #NONE}
 * @param waitMask bit i set: wait until SBi is zero before issuing
 * @param reuse bit i set: keep source slot i (A, B, C, fourth) in the reuse cache
 */
public record ControlBits(
    int stall, boolean yield, int writeBarrier, int readBarrier, int waitMask, int reuse) {

  /** Barrier index meaning "no counter". */
  public static final int NONE = 7;

  /** Position of the 21-bit field in the high 64-bit word. */
  private static final int SHIFT = 41;

  private static final long FIELD_MASK = (1L << 21) - 1;

  public ControlBits {
    check(stall, 15, "stall");
    check(writeBarrier, 7, "write barrier");
    check(readBarrier, 7, "read barrier");
    check(waitMask, 0x3F, "wait mask");
    check(reuse, 0xF, "reuse");
  }

  private static void check(int value, int max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " out of range: " + value);
    }
  }

  /** Decodes the control field of an instruction from its high 64-bit word. */
  public static ControlBits decode(long high) {
    int c = (int) ((high >>> SHIFT) & FIELD_MASK);
    return new ControlBits(
        c & 0xF,
        ((c >> 4) & 1) == 0,
        (c >> 5) & 7,
        (c >> 8) & 7,
        (c >> 11) & 0x3F,
        (c >> 17) & 0xF);
  }

  /** The 21-bit field as stored in the instruction. */
  public int encode() {
    return stall | (yield ? 0 : 1 << 4) | writeBarrier << 5 | readBarrier << 8 | waitMask << 11 | reuse << 17;
  }

  /** {@code high} with its control field replaced by this one. */
  public long insertInto(long high) {
    return (high & ~(FIELD_MASK << SHIFT)) | ((long) encode() << SHIFT);
  }

  public boolean setsWriteBarrier() {
    return writeBarrier != NONE;
  }

  public boolean setsReadBarrier() {
    return readBarrier != NONE;
  }

  public boolean waitsOn(int scoreboard) {
    return (waitMask & (1 << scoreboard)) != 0;
  }

  public boolean reuses(int slot) {
    return (reuse & (1 << slot)) != 0;
  }

  /**
   * The column printed by {@code sassim sass}: {@code B0-2---:R-:W1:Y:S04} is "wait on SB0 and SB2,
   * no read barrier, write barrier SB1, yield, stall 4". Barrier indices 6 (never emitted) print as
   * digits like the others.
   */
  public String format() {
    char[] c = new char[19];
    c[0] = 'B';
    for (int i = 0; i < 6; i++) {
      c[1 + i] = waitsOn(i) ? (char) ('0' + i) : '-';
    }
    c[7] = ':';
    c[8] = 'R';
    c[9] = readBarrier == NONE ? '-' : (char) ('0' + readBarrier);
    c[10] = ':';
    c[11] = 'W';
    c[12] = writeBarrier == NONE ? '-' : (char) ('0' + writeBarrier);
    c[13] = ':';
    c[14] = yield ? 'Y' : '-';
    c[15] = ':';
    c[16] = 'S';
    c[17] = (char) ('0' + stall / 10);
    c[18] = (char) ('0' + stall % 10);
    return new String(c);
  }
}
