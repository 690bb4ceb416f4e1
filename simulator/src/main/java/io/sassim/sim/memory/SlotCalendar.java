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
  /** {@code booked[s & mask] == s + 1} when slot s is taken; 0 (never booked) is free. */
  private final long[] booked;
  private final int mask;
  /** Slots runStart .. runEnd - 1 are all booked: a saturated resource is skipped in one step. */
  private long runStart;
  private long runEnd;
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
    this.booked = new long[ringSlots];
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
    if (first > runEnd) { // the run of booked slots lies in the past: start a new one here
      runStart = first;
      runEnd = first;
    }
    long s = first;
    int left = units;
    while (true) {
      if (s >= runStart && s < runEnd) {
        s = runEnd;
      }
      int i = (int) (s & mask);
      // free: never booked, or booked a ring's length ago (a larger value is a booking a
      // ring's length ahead, and counts as taken)
      if (booked[i] <= s) {
        booked[i] = s + 1;
        if (s == runEnd) {
          runEnd++;
          while (booked[(int) (runEnd & mask)] == runEnd + 1) {
            runEnd++;
          }
        }
        if (--left == 0) {
          break;
        }
      }
      s++;
    }
    slotsUsed += units;
    return (s - first) * slotTicks;
  }

  /** Ticks of booked slots so far. */
  long busyTicks() {
    return slotsUsed * slotTicks;
  }
}
