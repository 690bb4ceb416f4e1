package io.sassim.traces.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lane addresses in arithmetic progression are kept as first address and stride. */
class WarpTraceStridedTest {

  @Test
  void progressionsOfThreeOrMoreAreStrided() {
    long[] lanes = new long[32];
    for (int k = 0; k < 32; k++) {
      lanes[k] = 0x7f00_0000_1000L + 8L * k;
    }
    WarpTrace w = new WarpTrace.Builder(0)
        .add(0, -1, lanes, 32, 1)
        .add(0, 3, lanes, 2, 1)
        .addStrided(1, 0xF, 0x100, -4, 4, 1)
        .addStrided(1, 0x1, 0x100, 0, 1, 2)
        .build();
    assertTrue(w.isStrided(0));
    assertEquals(8, w.stride(0));
    assertEquals(lanes[31], w.address(0, 31));
    assertFalse(w.isStrided(1), "two addresses cost the same either way");
    assertEquals(lanes[1], w.address(1, 1));
    assertTrue(w.isStrided(2));
    assertEquals(0x100 - 12, w.address(2, 3));
    assertFalse(w.isStrided(3));
    assertThrows(IllegalStateException.class, () -> w.stride(3));
    assertEquals(32 + 2 + 4 + 1, w.totalAddresses());
  }

  @Test
  void aBrokenProgressionIsListed() {
    long[] lanes = {0x1000, 0x1004, 0x1008, 0x2000};
    WarpTrace w = new WarpTrace.Builder(0).add(0, 0xF, lanes, 4, 2).build();
    assertFalse(w.isStrided(0));
    assertEquals(0x2000, w.address(0, 3));
  }

  @Test
  void compactAndListedFormsOfTheSameAddressesAreEqual() {
    WarpTrace compact = new WarpTrace.Builder(3).addStrided(5, 0xFF, 0x40, 16, 8, 1).build();
    long[] listed = new long[8];
    for (int k = 0; k < 8; k++) {
      listed[k] = 0x40 + 16L * k;
    }
    WarpTrace wrapped = WarpTrace.wrap(3, new int[] {5}, new int[] {0xFF}, new byte[] {8},
        new int[] {0, 8}, listed, new byte[] {1});
    assertFalse(wrapped.isStrided(0));
    assertEquals(compact, wrapped);
    assertEquals(wrapped, compact);
    listed[7]++;
    assertFalse(compact.equals(wrapped));
  }

  @Test
  void randomAddressesReadBackExactly() {
    SplittableRandom r = new SplittableRandom(2026);
    for (int round = 0; round < 2000; round++) {
      WarpTrace.Builder b = new WarpTrace.Builder(0, 1, 1);
      long[][] expected = new long[8][];
      for (int i = 0; i < 8; i++) {
        int count = r.nextInt(WarpTrace.MAX_ADDRESSES + 1);
        long[] lanes = new long[count];
        long base = r.nextLong();
        long stride = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(-64, 65);
        for (int k = 0; k < count; k++) {
          lanes[k] = r.nextInt(6) == 0 ? r.nextLong() : base + k * stride;
        }
        expected[i] = lanes;
        b.add(i, -1, lanes, count, 0);
      }
      WarpTrace w = b.build();
      long[] copied = new long[WarpTrace.MAX_ADDRESSES];
      for (int i = 0; i < 8; i++) {
        assertEquals(expected[i].length, w.addressCount(i));
        for (int k = 0; k < expected[i].length; k++) {
          assertEquals(expected[i][k], w.address(i, k), "round " + round + " entry " + i + " lane " + k);
        }
        // The bulk copy gives the same lanes, strided or listed.
        java.util.Arrays.fill(copied, 0x5A5A);
        w.copyAddresses(i, copied);
        assertArrayEquals(expected[i], java.util.Arrays.copyOf(copied, expected[i].length),
            "copy, round " + round + " entry " + i);
        if (expected[i].length < WarpTrace.MAX_ADDRESSES) {
          assertEquals(0x5A5A, copied[expected[i].length], "nothing written past the addresses");
        }
      }
    }
  }

  @Test
  void moreAddressesThanLanesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new WarpTrace.Builder(0).add(0, -1, new long[33], 33, 0));
    assertThrows(IllegalArgumentException.class, () -> WarpTrace.wrap(0, new int[] {0},
        new int[] {1}, new byte[] {3}, new int[] {0, 1}, new long[1], new byte[] {0}));
  }
}
