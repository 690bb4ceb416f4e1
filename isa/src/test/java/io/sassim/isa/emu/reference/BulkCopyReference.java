package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** bulk_copy.cu: each block copies 1024 floats through shared memory and scales them. Exact. */
final class BulkCopyReference implements WorkloadReference {
  private static final int FLOATS_PER_BLOCK = 1024;

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "bulk_copy");
    d.require1d();
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    float scale = d.floatScalar("scale");
    int total = d.gridX() * FLOATS_PER_BLOCK;
    d.requireCount("in", total);
    d.requireCount("out", total);
    for (int i = 0; i < total; i++) {
      out[i] = in[i] * scale;
    }
    d.put("out", out);
    return d.outputs();
  }
}
