package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Atomics and reductions at the L2; the order a window's requests are served in. */
class AtomicsAndOrderTest {

  private static final long LINE = MemorySystem.LINE_BYTES;

  /** Ready cycles of all replies of an SM, in the order they come out. */
  private static List<Long> drain(MemoryReplyQueue q) {
    List<Long> out = new ArrayList<>();
    while (!q.isEmpty()) {
      out.add(q.nextReady());
      q.pop();
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtx-a6000", "h800-pcie"})
  void atomicsOnOneAddressSerializeAtItsSlice(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    int atomicCycles = d.config.l2().atomicCycles();
    long a = 0x10_0000L;
    // Bring the line into its home partition first, from an SM wired to that partition.
    int sm = 0;
    while (d.memory.partitionOf(sm) != d.memory.homePartition(a / LINE)) {
      sm++;
    }
    d.latency(sm, 0, a, 1, MemoryRequestQueue.ATOMIC);
    int n = 8;
    long t = 100_000;
    for (int i = 0; i < n; i++) {
      d.requests[sm + i].add(t, a, 1, MemoryRequestQueue.ATOMIC, i);
    }
    d.memory.exchange(t + 1, d.requests, d.replies);
    long hitPlusRmw = d.config.l2().hitLatency() + atomicCycles;
    for (int i = 0; i < n; i++) {
      List<Long> r = drain(d.replies[sm + i]);
      assertEquals(1, r.size());
      assertEquals(t + hitPlusRmw + (long) i * atomicCycles, r.get(0), "atomic " + i);
    }
  }

  @Test
  void atomicsOnDifferentSlicesDoNotWaitForEachOther() throws Exception {
    MemoryDriver d = new MemoryDriver("rtx-a6000");
    AddressMapping map = d.memory.mapping();
    long t = 0;
    List<Long> lines = new ArrayList<>();
    boolean[] used = new boolean[d.config.l2().slices()];
    for (long l = 1000; lines.size() < 8; l++) {
      if (!used[map.slice(l)]) {
        used[map.slice(l)] = true;
        lines.add(l * LINE);
        d.latency(0, t += 10_000, l * LINE, 1, MemoryRequestQueue.LOAD);
      }
    }
    t += 10_000;
    for (int i = 0; i < lines.size(); i++) {
      d.requests[i].add(t, lines.get(i), 1, MemoryRequestQueue.ATOMIC, i);
    }
    d.memory.exchange(t + 1, d.requests, d.replies);
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(List.of(t + d.config.l2().hitLatency() + d.config.l2().atomicCycles()),
          drain(d.replies[i]));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtx-a6000", "h800-pcie"})
  void reductionsGetNoReplyButLaterLoadsSeeThem(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    long a = 0x20_0000L;
    int hit = d.config.l2().hitLatency();
    d.load(0, 0, a);
    long t = 100_000;
    for (int i = 0; i < 20; i++) {
      d.requests[0].add(t, a, 1, MemoryRequestQueue.REDUCTION, i);
    }
    d.memory.exchange(t + 1, d.requests, d.replies);
    assertTrue(d.replies[0].isEmpty(), "a reduction is never answered");
    assertEquals(20, d.stats().get("l2AtomicSectors"));
    // A load right behind them waits until the 20 read-modify-writes are done.
    long load = d.load(0, t + 1, a);
    assertTrue(load > hit + 15L * d.config.l2().atomicCycles(), "load after reductions: " + load);
    assertEquals(20L * d.config.l2().atomicCycles(), d.stats().get("l2AtomicBusyCycles"),
        "20 sectors of read-modify-write");
  }

  /** Many SMs, mixed kinds, random lines: two fresh systems give identical replies. */
  @ParameterizedTest
  @ValueSource(strings = {"a100", "rtx-4090"})
  void sameRequestsGiveTheSameReplies(String gpu) throws Exception {
    assertArrayEquals(randomTraffic(gpu), randomTraffic(gpu));
  }

  private static long[] randomTraffic(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    int sms = d.config.smCount();
    SplittableRandom rnd = new SplittableRandom(7);
    List<Long> out = new ArrayList<>();
    for (long w = 0; w < 2_000; w += 8) {
      for (int k = 0; k < 40; k++) {
        int sm = rnd.nextInt(sms);
        long cycle = w + rnd.nextInt(8);
        d.requests[sm].add(cycle, rnd.nextLong(1 << 20) * LINE, 1 + rnd.nextInt(15),
            rnd.nextInt(4), k);
      }
      // Queues must be in send order per SM: sort each by cycle the way an SM fills it.
      for (MemoryRequestQueue q : d.requests) {
        sortByCycle(q);
      }
      d.memory.exchange(w + 8, d.requests, d.replies);
      for (MemoryReplyQueue q : d.replies) {
        while (!q.isEmpty() && q.nextReady() < w + 8 + 1000) {
          out.add(q.nextReady() * 1_000_003 + q.peekTag());
          q.pop();
        }
      }
    }
    var s = d.stats();
    out.add(s.get("dramRowHits"));
    out.add(s.get("l2SectorHits"));
    out.add(s.get("dramBusBusyCycles"));
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static void sortByCycle(MemoryRequestQueue q) {
    int n = q.size();
    long[][] rows = new long[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new long[] {q.cycle(i), q.lineAddress(i), q.sectorMask(i), q.kind(i), q.tag(i), i};
    }
    java.util.Arrays.sort(rows, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
        : Long.compare(x[5], y[5]));
    q.clear();
    for (long[] r : rows) {
      q.add(r[0], r[1], (int) r[2], (int) r[3], r[4]);
    }
  }

  /**
   * Two SMs load lines of one DRAM bank in different rows in the same cycle: the lower SM
   * index is served first whichever line it asks for, and two requests of one SM in queue
   * order.
   */
  @Test
  void aWindowIsServedInCycleThenSmThenQueueOrder() throws Exception {
    long[] lines = bankPair();
    for (int swap = 0; swap < 2; swap++) {
      MemoryDriver d = new MemoryDriver("rtx-a6000");
      d.requests[5].add(10, lines[1 - swap], 1, MemoryRequestQueue.LOAD, 0);
      d.requests[2].add(10, lines[swap], 1, MemoryRequestQueue.LOAD, 0);
      d.memory.exchange(11, d.requests, d.replies);
      long sm2 = d.replies[2].nextReady();
      long sm5 = d.replies[5].nextReady();
      assertTrue(sm2 < sm5, "SM 2 first: " + sm2 + " vs " + sm5);
    }
    MemoryDriver d = new MemoryDriver("rtx-a6000");
    d.requests[3].add(10, lines[1], 1, MemoryRequestQueue.LOAD, 1);
    d.requests[3].add(10, lines[0], 1, MemoryRequestQueue.LOAD, 2);
    d.requests[1].add(11, lines[0] + 64 * LINE * 1024, 1, MemoryRequestQueue.LOAD, 3);
    d.memory.exchange(12, d.requests, d.replies);
    assertEquals(1, d.replies[3].peekTag(), "the earlier of the SM's queue first");
  }

  private static long[] bankPair() throws Exception {
    AddressMapping map = new MemoryDriver("rtx-a6000").memory.mapping();
    long a = 5000;
    for (long l = a + 1; ; l++) {
      if (map.row(l) != map.row(a) && map.channel(l) == map.channel(a)
          && map.bank(map.row(l)) == map.bank(map.row(a))) {
        return new long[] {a * LINE, l * LINE};
      }
    }
  }
}
