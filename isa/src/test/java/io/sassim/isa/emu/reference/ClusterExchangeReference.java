package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * cluster_exchange.cu: clusters of two 256-thread blocks; each thread adds its own shared value
 * and the partner block's value one slot to the right (wrapping). Exact.
 */
final class ClusterExchangeReference implements WorkloadReference {
  private static final int THREADS = 256;

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "cluster_exchange");
    d.require1d();
    d.requireBlock(THREADS);
    if (d.gridX() % 2 != 0) {
      throw new IllegalArgumentException(spec.source() + ": cluster_exchange runs clusters of 2"
          + " blocks, the grid " + d.gridX() + " is odd");
    }
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int total = d.gridX() * THREADS;
    d.requireCount("in", total);
    d.requireCount("out", total);
    for (int i = 0; i < total; i++) {
      int block = i / THREADS;
      int t = i % THREADS;
      int partner = block ^ 1; // cluster rank is blockIdx.x % 2 along a 1-D grid
      out[i] = in[i] + in[partner * THREADS + (t + 1) % THREADS];
    }
    d.put("out", out);
    return d.outputs();
  }
}
