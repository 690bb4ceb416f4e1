package io.sassim.traces.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Warps are equal when every entry is, address mode included, however their arrays were sized. */
class WarpTraceEqualsTest {

  private static final long[] LANES = {0x1000, 0x1004, 0x1008};

  private static WarpTrace warp(int mode, int capacity) {
    return new WarpTrace.Builder(2, capacity, capacity)
        .add(0, 0b111, LANES, 3, mode)
        .add(1, -1)
        .build();
  }

  @Test
  void theAddressModeTakesPart() {
    WarpTrace strided = warp(1, 2);
    assertEquals(strided, warp(1, 64), "exactly full or not, the same entries");
    assertEquals(strided.hashCode(), warp(1, 64).hashCode());
    assertNotEquals(strided, warp(0, 2), "same addresses, listed in another mode");
    assertNotEquals(strided, warp(WarpTrace.MODE_NONE, 2));
  }

  @Test
  void everyOtherFieldTakesPartToo() {
    WarpTrace w = warp(1, 2);
    assertNotEquals(w, new WarpTrace.Builder(3).add(0, 0b111, LANES, 3, 1).add(1, -1).build());
    assertNotEquals(w, new WarpTrace.Builder(2).add(0, 0b111, LANES, 3, 1).add(2, -1).build());
    assertNotEquals(w, new WarpTrace.Builder(2).add(0, 0b111, LANES, 3, 1).add(1, 1).build());
    assertNotEquals(w, new WarpTrace.Builder(2).add(0, 0b111, LANES, 2, 1).add(1, -1).build());
    assertNotEquals(w, new WarpTrace.Builder(2).add(0, 0b111, new long[] {0x1000, 0x1004, 0}, 3, 1)
        .add(1, -1).build());
  }
}
