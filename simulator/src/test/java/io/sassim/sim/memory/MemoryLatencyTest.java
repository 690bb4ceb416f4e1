package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.config.DramConfig;
import io.sassim.sim.config.L2Config;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One request at a time: the latencies of the configs (near and far L2 hits, DRAM row
 * conflicts, hits and closed banks), sector and line behaviour of the L2, eviction.
 */
class MemoryLatencyTest {

  private static final long LINE = MemorySystem.LINE_BYTES;
  /** Far enough apart that nothing of the previous request is still busy. */
  private static final long IDLE = 100_000;

  /** A line address in the same DRAM bank as {@code line} but another row, missing the L2. */
  private static long otherRowSameBank(AddressMapping map, long lineAddress) {
    long line = lineAddress / LINE;
    long row = map.row(line);
    for (long l = line + 1; ; l++) {
      long r = map.row(l);
      if (r != row && map.channel(l) == map.channel(line) && map.bank(r) == map.bank(row)) {
        return l * LINE;
      }
    }
  }

  /** Another line of the same DRAM row (same channel). */
  private static long sameRow(AddressMapping map, long lineAddress) {
    long line = lineAddress / LINE;
    for (long l = line + 1; ; l++) {
      if (map.row(l) == map.row(line) && map.channel(l) == map.channel(line)) {
        return l * LINE;
      }
    }
  }

  /** Whole cycles the extra sectors of a request add at the SM port and the slice port. */
  private static long portSlots(MemoryDriver d, int sectors) {
    double extra = (sectors - 1) * 32.0 / d.config.interconnect().smPortBytesPerCycle()
        + (sectors - 1) * 32.0 / d.config.interconnect().slicePortBytesPerCycle();
    return (long) Math.ceil(extra);
  }

  private static int lastSmOfOtherPartition(MemoryDriver d) {
    int sm = d.config.smCount() - 1;
    assertEquals(1, d.memory.partitionOf(sm));
    return sm;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h800-pcie", "a100", "rtx-4090", "rtx-a6000", "rtx-3090", "h100-sxm"})
  void isolatedRequestsTakeTheConfiguredLatencies(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    L2Config l2 = d.config.l2();
    DramConfig dram = d.config.dram();
    AddressMapping map = d.memory.mapping();
    long a = 0x4000_0000L;
    long t = 1000;
    // First touch: the bank is closed, so no precharge.
    long closed = d.load(0, t, a);
    assertEquals(dram.latency() - d.cycles(dram.prechargeNs()), closed, 1.0, "closed bank");
    assertEquals(l2.hitLatency(), d.load(0, t += IDLE, a), "near hit");
    // Another row of the same bank: precharge, activate, read, the pointer chase's case.
    assertEquals(dram.latency(), d.load(0, t += IDLE, otherRowSameBank(map, a)), "row conflict");
    long b = otherRowSameBank(map, a);
    long rowHit = d.load(0, t += IDLE, sameRow(map, b));
    assertEquals(dram.latency() - d.cycles(dram.prechargeNs() + dram.activateNs()), rowHit, 1.0,
        "row hit");
    if (l2.partitions() == 2) {
      // An SM of the other partition finds the line in partition 0: a far hit, copied.
      int far = lastSmOfOtherPartition(d);
      assertEquals(l2.farHitLatency(), d.load(far, t += IDLE, a), "far hit");
      assertEquals(l2.hitLatency(), d.load(far, t += IDLE, a), "now near for that SM too");
      assertEquals(l2.hitLatency(), d.load(0, t += IDLE, a), "and still near for SM 0");
    }
    assertEquals(l2.hitLatency(), d.memory.minimumLatency());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h800-pcie", "a100"})
  void theConfiguredLatenciesAreThePointerChaseTargetsLessTheL1Path(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    // groundtruth.md: H800 L1 32, near 264.5, far 463-499, DRAM 656.8; A100 32.8, 203, 393-419, 566.3
    double[] target = gpu.equals("h800-pcie")
        ? new double[] {32.2, 264.5, 481, 656.8} : new double[] {32.8, 203, 406, 566.3};
    assertEquals(target[1], d.config.l2().hitLatency() + target[0], 1.0);
    assertEquals(target[2], d.config.l2().farHitLatency() + target[0], 1.0);
    assertEquals(target[3], d.config.dram().latency() + target[0], 1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtx-a6000", "h800-pcie"})
  void sectorsMissAndHitOneByOne(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    int hit = d.config.l2().hitLatency();
    long a = 0x1234_5600L & ~(LINE - 1);
    long t = 500;
    assertTrue(d.latency(0, t, a, 0b0001, MemoryRequestQueue.LOAD) > hit, "cold miss");
    assertEquals(hit, d.latency(0, t += IDLE, a, 0b0001, MemoryRequestQueue.LOAD), "same sector");
    long other = d.latency(0, t += IDLE, a, 0b0010, MemoryRequestQueue.LOAD);
    assertTrue(other > hit, "another sector of the line is a miss: " + other);
    assertEquals(hit + portSlots(d, 2), d.latency(0, t += IDLE, a, 0b0011, MemoryRequestQueue.LOAD),
        "both now, the second sector one slot behind the first at each port");
    long mixed = d.latency(0, t += IDLE, a, 0b1111, MemoryRequestQueue.LOAD);
    assertTrue(mixed > hit, "two sectors still missing");
    Map<String, Long> s = d.stats();
    assertEquals(4, s.get("l2SectorMisses"));
    assertEquals(1 + 2 + 2, s.get("l2SectorHits"));
    assertEquals(4, s.get("dramReadSectors"));
    assertEquals(4 * 32, s.get("dramReadBytes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtx-a6000", "h800-pcie"})
  void aSecondLoadWaitsForTheFillAlreadyOnItsWay(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    long a = 0x7700_0000L;
    d.requests[0].add(100, a, 1, MemoryRequestQueue.LOAD, 1);
    d.requests[0].add(105, a, 1, MemoryRequestQueue.LOAD, 2);
    d.memory.exchange(108, d.requests, d.replies);
    long first = d.replies[0].nextReady();
    d.replies[0].pop();
    long second = d.replies[0].nextReady();
    assertEquals(first, second, "merged with the fill, not a second DRAM read");
    assertEquals(1, d.stats().get("dramReadSectors"));
  }

  /** ways + 1 lines of one set: the least recent is evicted (to the far partition on Hopper). */
  @ParameterizedTest
  @ValueSource(strings = {"rtx-4090", "rtx-a6000", "h800-pcie", "a100"})
  void aFullSetEvictsItsLeastRecentLine(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    L2Config l2 = d.config.l2();
    AddressMapping map = d.memory.mapping();
    long[] lines = new long[l2.ways() + 1];
    long first = 0x2_0000_0000L / LINE;
    int n = 0;
    for (long l = first; n < lines.length; l++) {
      if (map.slice(l) == map.slice(first) && map.set(l) == map.set(first)) {
        lines[n++] = l * LINE;
      }
    }
    long t = 0;
    for (int i = 0; i < l2.ways(); i++) {
      d.load(0, t += IDLE, lines[i]);
    }
    for (int i = 1; i < l2.ways(); i++) { // all still there, line 0 becomes the least recent
      assertEquals(l2.hitLatency(), d.load(0, t += IDLE, lines[i]), "line " + i);
    }
    assertTrue(d.load(0, t += IDLE, lines[l2.ways()]) > l2.hitLatency(), "one too many");
    long again = d.load(0, t += IDLE, lines[0]);
    if (l2.partitions() == 2) {
      assertEquals(l2.farHitLatency(), again, "the victim moved to the far partition");
      assertEquals(1 + 1, d.stats().get("l2VictimsMoved"), "line 0, then line 1 for it");
    } else {
      assertTrue(again > l2.hitLatency(), "evicted: " + again);
    }
    assertEquals(l2.hitLatency(), d.load(0, t += IDLE, lines[l2.ways()]), "the newest stays");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtx-a6000", "h800-pcie"})
  void dirtyLinesAreWrittenBackWhenTheyLeaveTheL2(String gpu) throws Exception {
    MemoryDriver d = new MemoryDriver(gpu);
    L2Config l2 = d.config.l2();
    AddressMapping map = d.memory.mapping();
    long first = 0x3_0000_0000L / LINE;
    long t = 0;
    // Store two sectors of one line, then push it out of the whole L2 (both partitions).
    assertEquals(l2.hitLatency() + portSlots(d, 2),
        d.latency(0, t, first * LINE, 0b0101, MemoryRequestQueue.STORE), "store acknowledged");
    int pushed = 0;
    for (long l = first + 1; pushed < 2 * l2.ways() + 2; l++) {
      if (map.slice(l) == map.slice(first) && map.set(l) == map.set(first)) {
        d.load(0, t += IDLE, l * LINE);
        pushed++;
      }
    }
    Map<String, Long> s = d.stats();
    assertEquals(2, s.get("l2WritebackSectors"));
    assertEquals(2, s.get("dramWriteSectors"));
    assertEquals(2 * 32, s.get("dramWriteBytes"));
    assertEquals(2, s.get("l2StoreSectors"));
  }
}
