package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** saxpy.cu: {@code y[i] = a * x[i] + y[i]}, which ptxas contracts into one FFMA. */
final class SaxpyReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "saxpy");
    d.require1d();
    float a = d.floatScalar("a");
    float[] x = d.floats("x");
    float[] y = d.floats("y");
    int m = d.guardedCount("n", "x", "y");
    for (int i = 0; i < m; i++) {
      y[i] = Math.fma(a, x[i], y[i]); // FFMA: one rounding (every sm_8x/9x listing)
    }
    d.put("y", y);
    return d.outputs();
  }
}
