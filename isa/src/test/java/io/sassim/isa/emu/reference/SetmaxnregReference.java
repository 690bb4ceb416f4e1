package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * setmaxnreg.cu: the first 128 threads stage in·2 in shared memory, the other 128 each sum 16
 * staged values with a chain of fmaf(x, 0.5f, acc). FMUL and FFMA round as Java does: exact.
 */
final class SetmaxnregReference implements WorkloadReference {
  private static final int HALF = 128;

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "setmaxnreg");
    d.require1d();
    d.requireBlock(2 * HALF);
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int blocks = d.gridX();
    d.requireCount("in", (long) blocks * HALF);
    d.requireCount("out", (long) blocks * HALF);
    float[] stage = new float[HALF];
    for (int b = 0; b < blocks; b++) {
      for (int t = 0; t < HALF; t++) {
        stage[t] = in[b * HALF + t] * 2.0f;
      }
      for (int t = HALF; t < 2 * HALF; t++) {
        float acc = 0.f;
        for (int j = 0; j < 16; j++) {
          acc = Math.fma(stage[(t + j) % HALF], 0.5f, acc);
        }
        out[b * HALF + t - HALF] = acc;
      }
    }
    d.put("out", out);
    return d.outputs();
  }
}
