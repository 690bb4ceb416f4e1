package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Arrays;
import java.util.Map;

/**
 * async_copy.cu: each block sums chunks·blockDim.x·4 consecutive floats. The FADD order is fixed
 * by the code: each thread adds its four elements of each chunk in turn (element tid, tid + bdx,
 * ...), the lanes combine by XOR butterfly, and thread 0 adds the warp sums in warp order. The
 * reference replays exactly that order, so it is bit-exact.
 */
final class AsyncCopyReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "async_copy");
    d.require1d();
    d.requireWholeWarps();
    int bdx = d.block().x();
    int per = bdx * 4;
    if (spec.dynamicSharedBytes() < 2 * per * 4) {
      throw new IllegalArgumentException(spec.source() + ": async_copy needs " + (2 * per * 4)
          + " bytes of dynamic shared memory, the spec gives " + spec.dynamicSharedBytes());
    }
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int chunks = d.intScalar("chunks");
    int blocks = d.grid().x();
    d.requireCount("out", out.length, blocks);
    // issue(0, 0) runs even when chunks < 1, so at least one chunk per block is read.
    d.requireCount("in", in.length, (long) blocks * Math.max(chunks, 1) * per);
    float[] acc = new float[bdx];
    for (int b = 0; b < blocks; b++) {
      long base = (long) b * chunks * per;
      Arrays.fill(acc, 0f);
      for (int c = 0; c < chunks; c++) {
        for (int t = 0; t < bdx; t++) {
          for (int j = t; j < per; j += bdx) {
            acc[t] += in[(int) (base + (long) c * per + j)];
          }
        }
      }
      float[] warpSums = new float[bdx / 32];
      for (int w = 0; w < bdx / 32; w++) {
        warpSums[w] = Butterfly.sum(acc, 32 * w)[0];
      }
      float total = 0f;
      for (float s : warpSums) {
        total += s;
      }
      out[b] = total;
    }
    d.put("out", out);
    return d.outputs();
  }
}
