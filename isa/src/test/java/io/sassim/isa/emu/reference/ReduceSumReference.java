package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * reduce_sum.cu: out[0] += the sum of in[0..n) in 32-bit two's complement. Integer addition
 * wraps associatively, so neither the tree order nor the order the per-block atomics land in
 * changes the result. The shared tree hard-codes 256 threads per block.
 */
final class ReduceSumReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "reduce_sum");
    d.require1d();
    d.requireBlock(256);
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int n = d.intScalar("n");
    d.requireCount("in", in.length, Math.max(n, 0));
    int sum = 0;
    for (int i = 0; i < n; i++) { // the grid-stride loop reaches every i < n
      sum += in[i];
    }
    out[0] += sum;
    d.put("out", out);
    return d.outputs();
  }
}
