package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * warp_collectives.cu: per warp, six words — ballot of bit 0, any(v > 1000) | all(v != 0) << 1,
 * the size of lane 0's match-any group on v % 4, the wrapping sum, the unsigned max, and the XOR
 * of all 32 values (the butterfly leaves it in every lane).
 */
final class WarpCollectivesReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "warp_collectives");
    d.require1d();
    d.requireWholeWarps();
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int warps = d.threadsX() / 32;
    d.requireCount("in", in.length, 32L * warps); // no bounds check in the kernel
    d.requireCount("out", out.length, 6L * warps);
    for (int w = 0; w < warps; w++) {
      int ballot = 0;
      int any = 0;
      int every = 1;
      int peers = 0;
      int sum = 0;
      int max = 0;
      int xor = 0;
      int key0 = Integer.remainderUnsigned(in[32 * w], 4);
      for (int lane = 0; lane < 32; lane++) {
        int v = in[32 * w + lane];
        ballot |= (v & 1) << lane;
        any |= Integer.compareUnsigned(v, 1000) > 0 ? 1 : 0;
        every &= v != 0 ? 1 : 0;
        peers += Integer.remainderUnsigned(v, 4) == key0 ? 1 : 0;
        sum += v;
        max = Integer.compareUnsigned(v, max) > 0 ? v : max;
        xor ^= v;
      }
      int[] row = {ballot, any | (every << 1), peers, sum, max, xor};
      System.arraycopy(row, 0, out, 6 * w, 6);
    }
    d.put("out", out);
    return d.outputs();
  }
}
