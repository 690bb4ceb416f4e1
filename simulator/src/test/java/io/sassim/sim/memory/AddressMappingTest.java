package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The slice, set and channel hashes spread strided and random line streams evenly. */
class AddressMappingTest {

  private static final int LINES = 200_000;

  private static void assertEven(int[] counts, String what) {
    double mean = 0;
    for (int c : counts) {
      mean += c;
    }
    mean /= counts.length;
    for (int i = 0; i < counts.length; i++) {
      // 200,000 lines over at most 80 bins: a fair hash stays well within 10 % of the mean
      assertTrue(Math.abs(counts[i] - mean) < 0.1 * mean,
          what + ": bin " + i + " got " + counts[i] + ", mean " + mean);
    }
  }

  @Test
  void stridesSpreadOverSlicesChannelsAndSets() {
    SplittableRandom rnd = new SplittableRandom(2026);
    int[][] shapes = {{40, 256, 40, 16}, {48, 64, 24, 16}, {24, 512, 24, 16}};
    for (int[] shape : shapes) {
      AddressMapping map = new AddressMapping(shape[0], shape[1], shape[2], shape[3], 2048);
      for (int trial = 0; trial < 24; trial++) {
        // powers of two (the worst case for modulo indexing) and random strides, in lines
        long stride = trial < 16 ? 1L << trial : 1 + rnd.nextLong(1 << 20);
        long start = rnd.nextLong(1L << 30);
        int[] slices = new int[shape[0]];
        int[] channels = new int[shape[2]];
        int[] sets = new int[Math.min(shape[1], 64)];
        for (int i = 0; i < LINES; i++) {
          long line = start + i * stride;
          slices[map.slice(line)]++;
          channels[map.channel(line)]++;
          sets[map.set(line) % sets.length]++;
        }
        String what = "stride " + stride + " lines, " + shape[0] + " slices";
        assertEven(slices, what + " slices");
        assertEven(channels, what + " channels");
        assertEven(sets, what + " sets");
      }
    }
  }

  @Test
  void aSequentialSweepCyclesThroughTheBanks() {
    AddressMapping map = new AddressMapping(40, 256, 40, 16, 2048);
    int[] banks = new int[16];
    for (long row = 0; row < 16 * 1000; row++) {
      banks[map.bank(row)]++;
    }
    assertEven(banks, "banks");
    for (long row = 0; row < 10_000; row++) {
      assertTrue(map.bank(row) != map.bank(row + 1), "consecutive rows share bank at " + row);
    }
  }
}
