package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * dyn_shared.cu: a 9-point moving average over a shared window with zero halo outside [0, n).
 * The SASS adds the nine values in order from 0.f, then multiplies by the float 1/9: exact.
 */
final class DynSharedReference implements WorkloadReference {
  private static final int RADIUS = 4;

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "dyn_shared");
    d.require1d();
    int block = d.blockX();
    if (spec.dynamicSharedBytes() < (block + 2 * RADIUS) * 4) {
      throw new IllegalArgumentException(spec.source() + ": dyn_shared needs "
          + (block + 2 * RADIUS) * 4 + " bytes of dynamic shared memory");
    }
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int n = d.intScalar("n");
    int threads = d.gridX() * block;
    int m = Math.min(n, threads);
    d.requireCount("in", m);
    d.requireCount("out", m);
    for (int i = 0; i < m; i++) {
      float acc = 0.f;
      for (int k = -RADIUS; k <= RADIUS; k++) {
        int g = i + k;
        // The window holds in[g] only for g inside [0, n); the block loads no further.
        acc += (g >= 0 && g < n) ? in[g] : 0.f;
      }
      out[i] = acc * (1.0f / (2 * RADIUS + 1));
    }
    d.put("out", out);
    return d.outputs();
  }
}
