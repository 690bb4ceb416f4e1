package io.sassim.sim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Register-bank port reservations against a plain map of (bank, cycle) to ports used. */
class PortCalendarTest {

  @Test
  void matchesAPlainMapWithinTheHorizon() {
    for (int ports = 1; ports <= 32; ports *= 2) {
      SplittableRandom rnd = new SplittableRandom(ports);
      int banks = 2 + rnd.nextInt(3);
      PortCalendar calendar = new PortCalendar(banks, ports);
      Map<Long, Integer> used = new HashMap<>();
      long now = 0;
      for (int step = 0; step < 50_000; step++) {
        int bank = rnd.nextInt(banks);
        // As the sub-core uses it: reads from the next cycle, results a little later.
        long from = now + rnd.nextInt(40);
        long key = from * 64 + bank;
        int free = ports - used.getOrDefault(key, 0);
        assertEquals(free, calendar.free(bank, from), "free at step " + step);
        long first = from;
        while (used.getOrDefault(first * 64 + bank, 0) == ports) {
          first++;
        }
        assertEquals(first, calendar.firstFree(bank, from), "first free at step " + step);
        calendar.reserve(bank, first);
        used.merge(first * 64 + bank, 1, Integer::sum);
        now += rnd.nextInt(3);
      }
    }
  }
}
