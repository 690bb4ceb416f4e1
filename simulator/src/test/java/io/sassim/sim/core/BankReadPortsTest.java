package io.sassim.sim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The run-end bookkeeping of read ports against a plain map of (bank, cycle) to ports used,
 * booked the way Allocate books them: from the next cycle, at most once a cycle.
 */
class BankReadPortsTest {

  @Test
  void matchesPerCycleCountsForAllocateBookings() {
    for (int ports = 1; ports <= 8; ports++) {
      SplittableRandom rnd = new SplittableRandom(31L * ports);
      int banks = 1 + rnd.nextInt(4);
      BankReadPorts readPorts = new BankReadPorts(banks, ports);
      Map<Long, Integer> used = new HashMap<>();
      long now = rnd.nextInt(1000);
      int checked = 0;
      for (int step = 0; step < 50_000; step++) {
        long from = now + 1;
        int window = 1 + rnd.nextInt(5);
        int[] needs = new int[banks];
        boolean fits = true;
        for (int bank = 0; bank < banks; bank++) {
          int freeIn = 0;
          for (int k = 0; k < window; k++) {
            freeIn += ports - used.getOrDefault((from + k) * 64 + bank, 0);
          }
          assertEquals(freeIn, readPorts.freeIn(bank, from, window),
              "free read ports of bank " + bank + " at step " + step);
          checked++;
          needs[bank] = rnd.nextInt(4);
          fits &= needs[bank] <= freeIn;
        }
        if (fits) {
          for (int bank = 0; bank < banks; bank++) {
            readPorts.reserveEarliest(bank, from, needs[bank]);
            int count = needs[bank];
            for (long c = from; count > 0; c++) {
              while (count > 0 && used.getOrDefault(c * 64 + bank, 0) < ports) {
                used.merge(c * 64 + bank, 1, Integer::sum);
                count--;
              }
            }
          }
        }
        // Allocate runs at most once a cycle, sometimes after a gap.
        now += rnd.nextInt(8) == 0 ? 1 + rnd.nextInt(20) : 1;
      }
      assertEquals(50_000 * banks, checked);
    }
  }
}
