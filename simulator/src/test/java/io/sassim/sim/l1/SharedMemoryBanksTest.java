package io.sassim.sim.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bank wavefronts: conflicts serialize, the same word is broadcast, wide accesses go in phases. */
class SharedMemoryBanksTest {

  private final SharedMemoryBanks banks = new SharedMemoryBanks(32, 4);

  private static long[] lanes(long base, long stride) {
    long[] a = new long[32];
    for (int k = 0; k < 32; k++) {
      a[k] = base + k * stride;
    }
    return a;
  }

  @Test
  void strideOfTwoToTheNWordsIsATwoToTheNWayConflict() {
    for (int shift = 0; shift <= 5; shift++) {
      int words = 1 << shift;
      assertEquals(words, banks.wavefronts(lanes(0x400, 4L * words), 32, -1, 4), "stride " + words);
    }
    // An odd stride touches every bank once.
    assertEquals(1, banks.wavefronts(lanes(0, 4 * 33), 32, -1, 4));
  }

  @Test
  void lanesReadingOneWordShareIt() {
    assertEquals(1, banks.wavefronts(lanes(0x80, 0), 32, -1, 4));
    // Two words in bank 0, each read by 16 lanes: two wavefronts, not 32.
    long[] a = new long[32];
    for (int k = 0; k < 32; k++) {
      a[k] = k < 16 ? 0 : 128;
    }
    assertEquals(2, banks.wavefronts(a, 32, -1, 4));
  }

  @Test
  void wideAccessesRunInHalfAndQuarterWarpPhases() {
    assertEquals(2, banks.wavefronts(lanes(0, 8), 32, -1, 8));
    assertEquals(4, banks.wavefronts(lanes(0, 16), 32, -1, 16));
    // 64-bit lanes 256 bytes apart: each half warp puts 16 double words in banks 0-1.
    assertEquals(32, banks.wavefronts(lanes(0, 256), 32, -1, 8));
    // Only the active lanes count: eight active lanes of a 16-byte access are one phase.
    long[] a = lanes(0, 16);
    assertEquals(1, banks.wavefronts(a, 8, 0xFF, 16));
  }

  @Test
  void ldsmMatricesOfEightRowsAreOneWavefrontEachUnlessRowsShareBanks() {
    // x4, rows 16 bytes apart: every matrix covers the 32 banks once.
    assertEquals(4, banks.matrixWavefronts(lanes(0, 16), 32, -1, 4));
    // Rows 128 bytes apart (an unswizzled 64-element-wide tile): 8 rows in banks 0-3.
    assertEquals(32, banks.matrixWavefronts(lanes(0, 128), 32, -1, 4));
    assertEquals(8, banks.matrixWavefronts(lanes(0, 128), 8, 0xFF, 1));
  }

  @Test
  void randomAccessesNeverBeatTheBusiestBank() {
    SplittableRandom random = new SplittableRandom(7);
    long[] a = new long[32];
    for (int trial = 0; trial < 2000; trial++) {
      int[] perBankWords = new int[32];
      java.util.Set<Long> words = new java.util.HashSet<>();
      for (int k = 0; k < 32; k++) {
        a[k] = 4L * random.nextInt(256);
        if (words.add(a[k] / 4)) {
          perBankWords[(int) ((a[k] / 4) % 32)]++;
        }
      }
      int worst = java.util.Arrays.stream(perBankWords).max().getAsInt();
      assertEquals(worst, banks.wavefronts(a, 32, -1, 4), "trial " + trial);
    }
  }

  /** The rule itself: per phase, the most distinct words of any one bank, summed. */
  private static int bruteForce(long[] a, int mask, int bytes) {
    int lanesPerPhase = bytes <= 4 ? 32 : 32 / (bytes / 4);
    int total = 0;
    int k = 0;
    for (int p = 0; p < 32 / lanesPerPhase; p++) {
      java.util.Map<Integer, java.util.Set<Long>> perBank = new java.util.HashMap<>();
      for (int lane = p * lanesPerPhase; lane < (p + 1) * lanesPerPhase; lane++) {
        if ((mask & (1 << lane)) == 0) {
          continue;
        }
        for (long w = a[k] / 4; w <= (a[k] + bytes - 1) / 4; w++) {
          perBank.computeIfAbsent((int) (w % 32), b -> new java.util.HashSet<>()).add(w);
        }
        k++;
      }
      total += perBank.values().stream().mapToInt(java.util.Set::size).max().orElse(0);
    }
    return Math.max(1, total);
  }

  @Test
  void everyWidthMaskAndAlignmentMatchesTheBankRule() {
    // Aligned lanes take a one-check-per-lane path, unaligned ones the word-by-word path.
    SplittableRandom random = new SplittableRandom(12);
    int[] widths = {1, 2, 4, 8, 16};
    long[] a = new long[32];
    for (int trial = 0; trial < 20000; trial++) {
      int bytes = widths[random.nextInt(widths.length)];
      int mask = random.nextInt(3) == 0 ? random.nextInt() : -1;
      int n = Integer.bitCount(mask);
      boolean aligned = random.nextInt(4) != 0;
      int spread = 1 + random.nextInt(512);
      for (int k = 0; k < n; k++) {
        a[k] = random.nextInt(5) == 0 && k > 0 ? a[k - 1]
            : (long) bytes * random.nextInt(spread) + (aligned ? 0 : random.nextInt(bytes));
      }
      assertEquals(bruteForce(a, mask, bytes), banks.wavefronts(a, n, mask, bytes),
          "trial " + trial + ", " + bytes + " bytes, mask " + Integer.toHexString(mask));
    }
  }

  @Test
  void stridedShortcutAgreesWithTheLaneByLaneCount() {
    SplittableRandom random = new SplittableRandom(11);
    int[] widths = {1, 2, 4, 8, 16};
    long[] scratch = new long[32];
    long[] a = new long[32];
    for (int trial = 0; trial < 3000; trial++) {
      int bytes = widths[random.nextInt(widths.length)];
      int mask = random.nextInt(4) == 0 ? random.nextInt() | 1 : -1;
      int n = Integer.bitCount(mask);
      long first = 4L * random.nextInt(4096) + (bytes >= 4 ? 0 : bytes * random.nextInt(2));
      long[] strides = {0, bytes, 4L * (1 + random.nextInt(40)), -bytes};
      long stride = strides[random.nextInt(strides.length)];
      if (first + 31 * stride < 0) {
        stride = bytes;
      }
      for (int k = 0; k < n; k++) {
        a[k] = first + k * stride;
      }
      assertEquals(banks.wavefronts(a, n, mask, bytes),
          banks.stridedWavefronts(first, stride, n, mask, bytes, scratch),
          "trial " + trial + ": stride " + stride + ", " + bytes + " bytes, mask " + Integer.toHexString(mask));
    }
  }
}
