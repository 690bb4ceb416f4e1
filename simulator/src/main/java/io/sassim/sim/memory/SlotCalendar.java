package io.sassim.sim.memory;

/**
 * A resource that moves one unit (a 32-byte sector, or one atomic operation) per fixed slot of
 * time: a port, a data bus, an atomic unit. Requests book free slots at or after the time they
 * arrive, in the order the memory system serves them; a request served later may still take
 * an earlier free slot (a reply from an L2 hit is not held behind the reply of a DRAM miss that
 * was booked before it), which a single "busy until" time could not express.
 *
 * <p>Slots live in a ring indexed by slot number; an entry holds the number of the slot that
 * booked it, so old bookings need no clearing. Bookings more than a ring's length ahead of
 * older ones overwrite each other; the ring is sized far beyond the queueing any bounded
 * number of outstanding requests can cause.
 */
final class SlotCalendar {

  private final long slotTicks;
  /**
   * Two longs per ring entry, side by side so that one cache line serves both. At {@code 2i}:
   * s + 1 when slot s (with {@code s & mask == i}) is taken, 0 (never booked) when free. At
   * {@code 2i + 1}, for a taken slot s: every slot from s up to this value - 1 is taken, so a
   * search can jump there; updated along each search's path (path compression), so a long
   * queue of bookings is crossed in a few steps however it was built.
   */
  private final long[] ring;
  private final int mask;
  private long slotsUsed;

  /**
   * @param slotTicks length of one slot in model ticks
   * @param ringSlots slots remembered, a power of two
   */
  SlotCalendar(long slotTicks, int ringSlots) {
    if (slotTicks < 1 || Integer.bitCount(ringSlots) != 1) {
      throw new IllegalArgumentException("slot " + slotTicks + " ticks, ring " + ringSlots);
    }
    this.slotTicks = slotTicks;
    this.ring = new long[2 * ringSlots];
    this.mask = ringSlots - 1;
  }

  long slotTicks() {
    return slotTicks;
  }

  /**
   * Books {@code units} slots, the first free ones from the slot holding time {@code at}.
   * Returns the ticks from that slot to the last one booked: 0 for one unit that did not wait,
   * so an idle resource adds nothing to a one-sector request's latency.
   */
  long book(long at, int units) {
    long first = at / slotTicks;
    long s = first;
    int left = units;
    while (true) {
      int i = (int) (s & mask) << 1;
      long b = ring[i];
      if (b == s + 1) { // taken: jump over the run it starts
        s = Math.max(s + 1, ring[i + 1]);
      } else if (b > s) { // a booking a ring's length ahead: counts as taken
        s++;
      } else { // free: never booked, or booked a ring's length ago
        ring[i] = s + 1;
        ring[i + 1] = s + 1;
        if (--left == 0) {
          break;
        }
        s++;
      }
    }
    // Every slot from first to s is taken now: point the path's slots past s.
    long end = s + 1;
    for (long p = first; p < s; ) {
      int i = (int) (p & mask) << 1;
      boolean taken = ring[i] == p + 1;
      long next = taken ? Math.max(p + 1, ring[i + 1]) : p + 1;
      if (taken && ring[i + 1] < end) {
        ring[i + 1] = end;
      }
      p = next;
    }
    slotsUsed += units;
    return (s - first) * slotTicks;
  }

  /** Ticks of booked slots so far. */
  long busyTicks() {
    return slotsUsed * slotTicks;
  }
}
