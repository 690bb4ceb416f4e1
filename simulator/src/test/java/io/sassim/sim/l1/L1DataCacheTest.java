package io.sassim.sim.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.config.CacheGeometry;
import io.sassim.sim.config.L1DataConfig;
import org.junit.jupiter.api.Test;

/** Sectored hits and misses, LRU replacement, the carveout's effect, MSHR merging and limits. */
class L1DataCacheTest {

  /** A GA102 L1: 128 KB unified, 4 sets of 128-byte lines as in the published GA102 config. */
  private static L1DataConfig ga102(int mshrs, int merges) {
    return new L1DataConfig(131072, 32768, 4, 128, 32, mshrs, merges, 4, 8, false, true);
  }

  @Test
  void sectorsHitOnlyOnceFilled() {
    L1DataCache l1 = new L1DataCache(ga102(384, 48), 0);
    assertEquals(0, l1.load(10, 0b0011));
    l1.fill(10, 0b0001);
    assertEquals(0b0001, l1.load(10, 0b0011), "sector 1 was never filled");
    assertEquals(1, l1.sectorHits());
    assertEquals(3, l1.sectorMisses());
  }

  @Test
  void theCarveoutSetsTheCapacity() {
    assertEquals(96 * 1024, new L1DataCache(ga102(384, 48), 0).capacityBytes());
    assertEquals(96 * 1024, new L1DataCache(ga102(384, 48), 16 * 1024).capacityBytes());
    assertEquals(28 * 1024, new L1DataCache(ga102(384, 48), 100 * 1024).capacityBytes());
  }

  @Test
  void aFootprintBeyondTheCapacityMisses() {
    // Lines filled in order and read back in order: LRU keeps all of a footprint that fits and,
    // cycling through one that does not, none of it.
    for (int carveout : new int[] {0, 100 * 1024}) {
      L1DataCache l1 = new L1DataCache(ga102(384, 48), carveout);
      int lines = l1.capacityBytes() / 128;
      for (int pass = 0; pass < 2; pass++) {
        for (long line = 0; line < lines; line++) {
          if (l1.load(line, 0xF) == 0) {
            l1.fill(line, 0xF);
          }
        }
      }
      assertEquals(4L * lines, l1.sectorHits(), "a fitting footprint hits on the second pass");
      L1DataCache small = new L1DataCache(ga102(384, 48), carveout);
      for (int pass = 0; pass < 2; pass++) {
        for (long line = 0; line <= lines + 4; line++) {
          if (small.load(line, 0xF) == 0) {
            small.fill(line, 0xF);
          }
        }
      }
      assertEquals(0, small.sectorHits(), "cycling through one line per set too many always misses");
    }
  }

  @Test
  void storesWriteThroughWithoutAllocating() {
    L1DataCache l1 = new L1DataCache(ga102(384, 48), 0);
    l1.store(5, 0xF, false);
    assertEquals(0, l1.load(5, 0xF));
    l1.fill(6, 0x1);
    l1.store(6, 0x2, false);
    assertEquals(0x3, l1.load(6, 0x3), "a store to a present line updates it");
    l1.invalidate(6);
    assertEquals(0, l1.load(6, 0x3));
  }

  @Test
  void mshrsMergeRequestsForALineInFlightAndRunOut() {
    MissStatusHoldingRegisters m = new MissStatusHoldingRegisters(2, 2);
    int e = m.allocate(100, true);
    m.requested(e, 0b0001);
    m.addWaiter(e, 7);
    assertEquals(e, m.find(100));
    assertEquals(0, m.unrequested(e, 0b0001), "the same sector is already on its way");
    assertEquals(0b0010, m.unrequested(e, 0b0011));
    m.requested(e, 0b0010);
    m.addWaiter(e, 8);
    assertFalse(m.canMerge(e), "two waiters is the merge limit");
    int f = m.allocate(200 + 64, false);
    assertEquals(0, m.freeEntries());
    assertEquals(f, m.find(264));
    assertFalse(m.answered(e), "two requests were sent");
    assertTrue(m.answered(e));
    assertEquals(0b0011, m.requestedSectors(e));
    m.release(e);
    assertEquals(-1, m.find(100));
    assertEquals(f, m.find(264));
    assertEquals(1, m.freeEntries());
  }

  @Test
  void theConstantCacheHitsAfterItsFirstMiss() {
    ConstantCache c = new ConstantCache(new CacheGeometry(4, 64, 8));
    assertFalse(c.read(0x160));
    assertTrue(c.read(0x164), "same 64-byte line");
    assertFalse(c.read(0x1a0));
    // 2 KB: 33 lines mapping to set 0 evict the first.
    for (int i = 0; i < 9; i++) {
      c.read(0x10000 + 4L * 64 * i);
    }
    assertFalse(c.read(0x10000));
    assertEquals(1, c.hits());
  }
}
