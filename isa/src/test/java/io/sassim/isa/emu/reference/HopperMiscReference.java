package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * hopper_misc.cu: the bulk reduction adds every block's 64 staged inputs into sums (integer adds
 * commute: exact).
 *
 * <p>out is left out: warp 1 reads tile[t%8][t/8], which only warp 0's stmatrix writes, with no
 * block barrier in between (the mbarrier wait comes before the stmatrix and __syncwarp orders only
 * warp 0), so warp 1 may read shared memory before or after that store.
 */
final class HopperMiscReference implements WorkloadReference {
  private static final int STAGED = 64; // buf[64]; the bulk reduction copies 256 bytes

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "hopper_misc");
    d.require1d();
    d.requireBlock(STAGED); // one thread per staged word, and 2 warps for the stmatrix
    if (d.gridX() % 2 != 0) {
      throw new IllegalArgumentException(spec.source() + ": hopper_misc runs clusters of 2 blocks,"
          + " the grid " + d.gridX() + " is odd");
    }
    int[] in = d.ints("in");
    int[] sums = d.ints("sums");
    d.requireCount("in", (long) d.gridX() * STAGED);
    d.requireCount("sums", STAGED);
    for (int b = 0; b < d.gridX(); b++) {
      for (int j = 0; j < STAGED; j++) {
        sums[j] += in[b * STAGED + j];
      }
    }
    d.put("sums", sums);
    d.omit("out");
    return d.outputs();
  }
}
