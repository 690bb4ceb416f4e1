package io.sassim.sim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SM's event heap against a plain list kept in (cycle, insertion) order. */
class EventQueueTest {

  /** One scheduled event as the reference keeps it. */
  private record Scheduled(long cycle, long order, int kind, int target, int arg) {}

  private static final Comparator<Scheduled> ORDER =
      Comparator.comparingLong(Scheduled::cycle).thenComparingLong(Scheduled::order);

  @Test
  void popsInCycleThenInsertionOrderWithEveryFieldIntact() {
    SplittableRandom rnd = new SplittableRandom(6);
    EventQueue q = new EventQueue();
    List<Scheduled> reference = new ArrayList<>();
    long now = 0;
    long order = 0;
    for (int step = 0; step < 200_000; step++) {
      // Bursts of scheduling as issue and allocate do (a few cycles ahead, some memory
      // replies hundreds ahead, ties common), then the SM drains what is due.
      int adds = rnd.nextInt(4);
      for (int a = 0; a < adds; a++) {
        long cycle = now + (rnd.nextInt(8) == 0 ? rnd.nextInt(900) : rnd.nextInt(12));
        int kind = rnd.nextInt(8);
        int target = rnd.nextInt(8) == 0 ? (1 << 24) - 1 : rnd.nextInt(64);
        // Arguments cover the packed write-back (counter and bank bits) and negative values.
        int arg = switch (rnd.nextInt(3)) {
          case 0 -> rnd.nextInt(300);
          case 1 -> rnd.nextInt();
          default -> 7 | (rnd.nextInt() << 3);
        };
        q.add(cycle, kind, target, arg);
        reference.add(new Scheduled(cycle, order++, kind, target, arg));
      }
      reference.sort(ORDER);
      while (!q.isEmpty() && q.nextCycle() <= now) {
        Scheduled expected = reference.remove(0);
        assertEquals(expected.cycle(), q.nextCycle(), "cycle at step " + step);
        assertEquals(expected.kind(), q.topKind(), "kind at step " + step);
        assertEquals(expected.target(), q.topTarget(), "target at step " + step);
        assertEquals(expected.arg(), q.topArg(), "argument at step " + step);
        q.pop();
      }
      assertTrue(reference.isEmpty() || reference.get(0).cycle() > now,
          "the queue held back a due event at step " + step);
      now += rnd.nextInt(3);
    }
    assertEquals(reference.isEmpty(), q.isEmpty());
  }

  @Test
  void growsPastItsFirstArrayAndKeepsOrder() {
    EventQueue q = new EventQueue();
    int n = 5_000;
    // All at one cycle, then all at an earlier one: insertion order within each.
    for (int i = 0; i < n; i++) {
      q.add(100, 1, i, -i);
    }
    for (int i = 0; i < n; i++) {
      q.add(50, 2, i, i);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(50, q.nextCycle());
      assertEquals(2, q.topKind());
      assertEquals(i, q.topTarget());
      assertEquals(i, q.topArg());
      q.pop();
    }
    for (int i = 0; i < n; i++) {
      assertEquals(100, q.nextCycle());
      assertEquals(-i, q.topArg());
      q.pop();
    }
    assertTrue(q.isEmpty());
  }
}
