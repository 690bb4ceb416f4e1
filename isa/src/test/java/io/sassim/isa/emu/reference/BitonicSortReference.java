package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * bitonic_sort.cu: each block runs the bitonic network over its 1024 keys (unsigned compare).
 * The network is run as written rather than replaced by a library sort, so the reference is the
 * algorithm; its tests check that the result is sorted.
 */
final class BitonicSortReference implements WorkloadReference {
  static final int KEYS = 1024;

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "bitonic_sort");
    d.require1d();
    int[] keys = d.ints("keys");
    int blocks = d.grid().x();
    d.requireCount("keys", keys.length, (long) KEYS * blocks);
    for (int b = 0; b < blocks; b++) {
      sortBlock(keys, b * KEYS);
    }
    d.put("keys", keys);
    return d.outputs();
  }

  private static void sortBlock(int[] s, int base) {
    for (int k = 2; k <= KEYS; k <<= 1) {
      for (int j = k >> 1; j > 0; j >>= 1) {
        // One barrier-separated stage: the pairs are disjoint, so their order does not matter.
        for (int t = 0; t < KEYS / 2; t++) {
          int lo = 2 * t - (t & (j - 1));
          int hi = lo + j;
          int a = s[base + lo];
          int b = s[base + hi];
          boolean ascending = (lo & k) == 0;
          boolean swap = (Integer.compareUnsigned(a, b) > 0) == ascending;
          s[base + lo] = swap ? b : a;
          s[base + hi] = swap ? a : b;
        }
      }
    }
  }
}
