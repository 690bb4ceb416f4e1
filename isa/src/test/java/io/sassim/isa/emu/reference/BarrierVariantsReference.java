package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * barrier_variants.cu: block-wide AND/OR reductions, a named barrier over the first 64 threads,
 * a producer/consumer exchange on barrier 2 and a POPC reduction of the final parities. Exact.
 */
final class BarrierVariantsReference implements WorkloadReference {
  private static final int BLOCK = 128;

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "barrier_variants");
    d.require1d();
    d.requireBlock(BLOCK); // bar.sync 2, 128 and bar.red 3, 128 count the whole block
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    d.requireCount("in", (long) d.gridX() * BLOCK);
    d.requireCount("out", (long) d.gridX() * BLOCK);
    int[] v = new int[BLOCK];
    for (int b = 0; b < d.gridX(); b++) {
      int base = b * BLOCK;
      int all = 1;
      int any = 0;
      for (int t = 0; t < BLOCK; t++) {
        v[t] = in[base + t];
        all &= v[t] != 7 ? 1 : 0;
        any |= v[t] == 3 ? 1 : 0;
      }
      // Every read below sees values written before a barrier, so the updates are simultaneous.
      int[] v0 = v.clone();
      for (int t = 0; t < 64; t++) {
        v[t] = v0[t] + 2 * v0[63 - t] + (v0[64 + t] + 1);
      }
      int odd = 0;
      for (int t = 0; t < BLOCK; t++) {
        odd += v[t] & 1;
      }
      for (int t = 0; t < BLOCK; t++) {
        out[base + t] = v[t] + odd + all + any;
      }
    }
    d.put("out", out);
    return d.outputs();
  }
}
