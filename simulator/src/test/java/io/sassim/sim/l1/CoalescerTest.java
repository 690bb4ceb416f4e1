package io.sassim.sim.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Lines and sectors of warp accesses, against a brute-force set computation. */
class CoalescerTest {

  /** Every byte each lane touches, gathered into line -> sector mask. */
  private static TreeMap<Long, Integer> bruteForce(long[] addresses, int n, int bytes) {
    TreeMap<Long, Integer> lines = new TreeMap<>();
    for (int k = 0; k < n; k++) {
      for (long b = addresses[k]; b < addresses[k] + bytes; b++) {
        lines.merge(b / 128, 1 << (int) ((b % 128) / 32), (x, y) -> x | y);
      }
    }
    return lines;
  }

  @Test
  void matchesTheSetOfTouchedSectorsForRandomWarpAccesses() {
    SplittableRandom random = new SplittableRandom(20261127L);
    Coalescer c = new Coalescer(128, 32);
    int[] widths = {1, 2, 4, 8, 16};
    long[] addresses = new long[32];
    for (int trial = 0; trial < 5000; trial++) {
      int bytes = widths[random.nextInt(widths.length)];
      int n = 1 + random.nextInt(32);
      long base = random.nextLong(1L << 40) * bytes;
      int pattern = random.nextInt(4);
      long stride = switch (pattern) {
        case 0 -> bytes;                                  // unit stride, coalesced
        case 1 -> 0;                                      // broadcast
        case 2 -> bytes * (1L + random.nextInt(64));      // strided
        default -> -1;                                    // scattered
      };
      for (int k = 0; k < n; k++) {
        addresses[k] = stride >= 0 ? base + k * stride
            : random.nextLong(1L << 20) * bytes + (random.nextBoolean() ? 0 : 3);
      }
      TreeMap<Long, Integer> expected = bruteForce(addresses, n, bytes);
      int lines = c.coalesce(addresses, n, bytes);
      TreeMap<Long, Integer> got = new TreeMap<>();
      for (int i = 0; i < lines; i++) {
        got.put(c.line(i), c.sectors(i));
      }
      assertEquals(expected, got, "trial " + trial);
      assertEquals(expected.size(), lines, "no line reported twice, trial " + trial);
      int sectors = expected.values().stream().mapToInt(Integer::bitCount).sum();
      assertEquals(sectors, c.sectorCount());
    }
  }

  @Test
  void aStridedAccessGivesTheSameLinesInTheSameOrderAsItsLanes() {
    // coalesceStrided skips the lane loop for broadcasts and strides up to a sector: it must
    // agree with the lane loop line for line, including unaligned starts and negative strides.
    SplittableRandom random = new SplittableRandom(20261128L);
    Coalescer strided = new Coalescer(128, 32);
    Coalescer lanes = new Coalescer(128, 32);
    long[] addresses = new long[32];
    long[] scratch = new long[32];
    for (int trial = 0; trial < 20000; trial++) {
      int bytes = 1 << random.nextInt(5);
      int n = 1 + random.nextInt(32);
      long first = random.nextLong(1L << 40);
      long stride = random.nextInt(3) == 0 ? random.nextLong(-64, 200) : random.nextLong(0, 33);
      for (int k = 0; k < n; k++) {
        addresses[k] = first + k * stride;
      }
      int expected = lanes.coalesce(addresses, n, bytes);
      assertEquals(expected, strided.coalesceStrided(first, stride, n, bytes, scratch),
          "trial " + trial);
      for (int i = 0; i < expected; i++) {
        assertEquals(lanes.line(i), strided.line(i), "trial " + trial + " line " + i);
        assertEquals(lanes.sectors(i), strided.sectors(i), "trial " + trial + " line " + i);
        assertEquals(lanes.lineAddress(i), lanes.line(i) * 128);
      }
    }
  }

  @Test
  void aUnitStrideWarpOfFloatsIsOneFullLine() {
    Coalescer c = new Coalescer(128, 32);
    long[] a = new long[32];
    for (int k = 0; k < 32; k++) {
      a[k] = 0x1000 + 4L * k;
    }
    assertEquals(1, c.coalesce(a, 32, 4));
    assertEquals(0xF, c.sectors(0));
    // 16-byte lanes: 512 bytes, four full lines.
    for (int k = 0; k < 32; k++) {
      a[k] = 0x1000 + 16L * k;
    }
    assertEquals(4, c.coalesce(a, 32, 16));
    assertEquals(16, c.sectorCount());
  }
}
