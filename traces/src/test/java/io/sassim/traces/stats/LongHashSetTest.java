package io.sassim.traces.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongHashSetTest {

  @Test
  void behavesLikeAHashSet() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 50; round++) {
      LongHashSet set = new LongHashSet(1 << 20);
      Set<Long> expected = new HashSet<>();
      int n = random.nextInt(5000);
      for (int i = 0; i < n; i++) {
        // Narrow ranges give repeats; the extremes include the free-slot marker.
        long v = switch (random.nextInt(4)) {
          case 0 -> random.nextLong(100);
          case 1 -> Long.MIN_VALUE + random.nextInt(3);
          case 2 -> 0x7f0000000000L + random.nextLong(1 << 16);
          default -> random.nextLong();
        };
        assertEquals(expected.add(v), set.add(v), "round " + round + " value " + v);
      }
      assertEquals(expected.size(), set.size());
      for (long v : expected) {
        assertTrue(set.contains(v));
      }
      assertFalse(set.isSaturated());
    }
  }

  @Test
  void stopsAtItsLimitAndSaysSo() {
    LongHashSet set = new LongHashSet(3);
    assertTrue(set.add(1));
    assertTrue(set.add(2));
    assertTrue(set.add(Long.MIN_VALUE));
    assertFalse(set.add(2));
    assertFalse(set.isSaturated(), "a repeat is not a loss");
    assertFalse(set.add(4));
    assertTrue(set.isSaturated());
    assertEquals(3, set.size());
    set.clear();
    assertEquals(0, set.size());
    assertFalse(set.isSaturated());
  }

  @Test
  void addAllShiftsSectorsIntoLines() {
    LongHashSet sectors = new LongHashSet(100);
    for (long s = 0; s < 10; s++) {
      sectors.add(s);
    }
    LongHashSet lines = new LongHashSet(100);
    lines.addAll(sectors, 2);
    assertEquals(3, lines.size()); // sectors 0-3, 4-7, 8-9
    LongHashSet copy = new LongHashSet(100);
    copy.addAll(sectors, 0);
    assertEquals(10, copy.size());
  }
}
