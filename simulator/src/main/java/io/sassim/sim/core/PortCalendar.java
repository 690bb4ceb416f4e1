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

  private final int ports;
  private final int banks;
  /** {@code cycle << COUNT_BITS | used} per (cycle mod HORIZON, bank); -1 matches no cycle. */
  private final long[] slots;

  PortCalendar(int banks, int ports) {
    if (ports > COUNT_MASK) {
      throw new IllegalArgumentException("at most " + COUNT_MASK + " ports per bank, got " + ports);
    }
    this.ports = ports;
    this.banks = banks;
    this.slots = new long[banks * HORIZON];
    java.util.Arrays.fill(slots, -1);
  }

  private int slot(int bank, long cycle) {
    return (int) (cycle & (HORIZON - 1)) * banks + bank;
  }

  int free(int bank, long cycle) {
    long s = slots[slot(bank, cycle)];
    return s >> COUNT_BITS == cycle ? ports - (int) (s & COUNT_MASK) : ports;
  }

  void reserve(int bank, long cycle) {
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
