package io.sassim.sim.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reuse cache shared by a sub-core's warps (the paper's) against a set per warp. */
class RegisterFileCacheTest {

  /** Warps 3 and 5 alternate FFMAs that reuse R19 (slot 0) and R0 (slot 2), as stall_yield's do. */
  private static boolean secondReadOfWarp3Hits(RegisterFileCache cache) {
    cache.read(3, 19, 0, true);
    cache.read(3, 0, 2, true);
    cache.read(5, 19, 0, true);
    cache.read(5, 0, 2, true);
    return cache.hits(3, 19, 0) && cache.hits(3, 0, 2);
  }

  @Test
  void interleavedWarpsDisplaceEachOtherOnlyInASharedCache() {
    assertFalse(secondReadOfWarp3Hits(new RegisterFileCache(2, 3, 1)));
    assertTrue(secondReadOfWarp3Hits(new RegisterFileCache(2, 3, 64)));
  }

  @Test
  void aReadWithoutReuseDropsTheEntryEitherWay() {
    for (int sets : new int[] {1, 64}) {
      RegisterFileCache cache = new RegisterFileCache(2, 3, sets);
      cache.read(7, 4, 1, true);
      assertTrue(cache.hits(7, 4, 1));
      assertFalse(cache.hits(7, 4, 0), "another slot");
      assertFalse(cache.hits(8, 4, 1), "another warp");
      cache.read(7, 6, 1, false);
      assertFalse(cache.hits(7, 4, 1), "bank 0, slot 1 was read again without reuse");
    }
  }
}
