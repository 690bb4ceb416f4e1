package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * scan.cu: inclusive prefix sums within each block of 256 elements (elements at or past n count
 * as 0), and each block's total in block_sums. Integer sums wrap associatively, so the
 * shuffle-then-shared order gives the plain running sum.
 */
final class ScanReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "scan");
    d.require1d();
    d.requireBlock(256);
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int[] blockSums = d.ints("block_sums");
    int n = d.intScalar("n");
    int blocks = d.grid().x();
    d.requireCount("block_sums", blockSums.length, blocks);
    int covered = Math.min(n, d.threadsX());
    d.requireCount("in", in.length, covered);
    d.requireCount("out", out.length, covered);
    for (int b = 0; b < blocks; b++) {
      int acc = 0;
      for (int t = 0; t < 256; t++) {
        int i = b * 256 + t;
        if (i < n) {
          acc += in[i];
          out[i] = acc;
        }
      }
      blockSums[b] = acc;
    }
    d.put("out", out);
    d.put("block_sums", blockSums);
    return d.outputs();
  }
}
