package io.sassim.sim.core;

/**
 * Reservations of the write ports of each register-file bank over the next cycles, as a ring of
 * per-cycle counters stamped with their cycle (a stale stamp reads as free, so nothing needs
 * clearing as time moves on).
 *
 * <p>Stamp and count share one long, and the banks of one cycle sit side by side: a sub-core
 * touches a few cycles around the current one, and in this layout they span a few cache lines
 * instead of two arrays' worth per bank (the SMs take turns, so these lines are usually cold).
 */
final class PortCalendar {

  static final int HORIZON = 128;
  /** Low bits of a slot: the ports used (at most 32, the config's limit); the cycle above. */
  private static final int COUNT_BITS = 6;
  private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
  /** One-port banks: 64-cycle blocks of one bit a cycle, four blocks a bank (256 cycles). */
  private static final int BLOCKS = 4;

  private final int ports;
  private final int banks;
  /** {@code cycle << COUNT_BITS | used} per (cycle mod HORIZON, bank); -1 matches no cycle. */
  private final long[] slots;
  /**
   * With one port per bank (every shipped config), a bit per cycle instead: per (bank, block
   * number mod BLOCKS), the block's number and its bits. A bank's next few hundred cycles then
   * fit in one cache line, where the slots take several.
   */
  private final long[] blockBits;
  private final long[] blockNumber;

  PortCalendar(int banks, int ports) {
    if (ports > COUNT_MASK) {
      throw new IllegalArgumentException("at most " + COUNT_MASK + " ports per bank, got " + ports);
    }
    this.ports = ports;
    this.banks = banks;
    if (ports == 1) {
      this.slots = null;
      this.blockBits = new long[banks * BLOCKS];
      this.blockNumber = new long[banks * BLOCKS];
      java.util.Arrays.fill(blockNumber, -1);
    } else {
      this.slots = new long[banks * HORIZON];
      java.util.Arrays.fill(slots, -1);
      this.blockBits = null;
      this.blockNumber = null;
    }
  }

  private int slot(int bank, long cycle) {
    return (int) (cycle & (HORIZON - 1)) * banks + bank;
  }

  private static int block(int bank, long cycle) {
    return bank * BLOCKS + (int) ((cycle >>> 6) & (BLOCKS - 1));
  }

  int free(int bank, long cycle) {
    if (slots == null) {
      int b = block(bank, cycle);
      return blockNumber[b] == cycle >>> 6 && (blockBits[b] & (1L << cycle)) != 0 ? 0 : 1;
    }
    long s = slots[slot(bank, cycle)];
    return s >> COUNT_BITS == cycle ? ports - (int) (s & COUNT_MASK) : ports;
  }

  void reserve(int bank, long cycle) {
    if (slots == null) {
      int b = block(bank, cycle);
      if (blockNumber[b] != cycle >>> 6) {
        blockNumber[b] = cycle >>> 6;
        blockBits[b] = 0;
      }
      blockBits[b] |= 1L << cycle;
      return;
    }
    int i = slot(bank, cycle);
    long s = slots[i];
    slots[i] = s >> COUNT_BITS == cycle ? s + 1 : cycle << COUNT_BITS | 1;
  }

  /** The first cycle at or after {@code from} with a free port on {@code bank}. */
  long firstFree(int bank, long from) {
    long c = from;
    while (free(bank, c) == 0) {
      c++;
    }
    return c;
  }
}
