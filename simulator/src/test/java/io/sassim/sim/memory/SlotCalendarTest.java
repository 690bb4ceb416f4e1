package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Slot bookings: waits, backfilling and long saturated runs. */
class SlotCalendarTest {

  @Test
  void idleSlotsAreFreeAndBusyOnesQueue() {
    SlotCalendar c = new SlotCalendar(10, 64);
    assertEquals(0, c.book(5, 1), "idle: no wait");
    assertEquals(10, c.book(7, 1), "same slot: the next one");
    assertEquals(30, c.book(0, 2), "slots 2 and 3: from slot 0 to slot 3");
    assertEquals(0, c.book(100, 1), "later and idle");
    // A booking far ahead leaves the slots before it to earlier requests (backfill).
    assertEquals(0, c.book(500, 1));
    assertEquals(0, c.book(400, 1));
    assertEquals(40, c.book(0, 1), "slots 0-3 taken: slot 4, before the far bookings");
    assertEquals(8 * 10, c.busyTicks(), "eight slots booked");
  }

  /** Against a plain set of taken slots: the run shortcut must never change a result. */
  @Test
  void matchesAPlainSetOfTakenSlots() {
    SplittableRandom rnd = new SplittableRandom(11);
    SlotCalendar c = new SlotCalendar(7, 1 << 14);
    TreeSet<Long> taken = new TreeSet<>();
    long now = 0;
    for (int i = 0; i < 50_000; i++) {
      now += rnd.nextInt(40); // 2.8 slots per booking of 2.5 units: busy, never overflowing the ring
      long at = now + (rnd.nextInt(10) == 0 ? rnd.nextInt(2_000) : 0);
      int units = 1 + rnd.nextInt(4);
      long first = at / 7;
      long s = first;
      long last = -1;
      for (int left = units; left > 0; s++) {
        if (taken.add(s)) {
          last = s;
          left--;
        }
      }
      assertEquals((last - first) * 7, c.book(at, units), "booking " + i);
    }
  }
}
