package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * dpoly.cu: Horner's rule with explicit fma, then {@code acc * v + (v + 1.0)}, which ptxas
 * contracts into DFMA(acc, v, DADD(v, 1)) — one rounding for the last step, not two.
 */
final class DpolyReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "dpoly");
    d.require1d();
    double[] x = d.doubles("x");
    double[] coef = d.doubles("coef");
    double[] y = d.doubles("y");
    int m = d.guardedCount("n", "x", "y");
    d.requireCount("coef", coef.length, 8);
    for (int i = 0; i < m; i++) {
      double v = x[i];
      double acc = coef[7];
      for (int k = 6; k >= 0; k--) {
        acc = Math.fma(acc, v, coef[k]);
      }
      y[i] = Math.fma(acc, v, v + 1.0);
    }
    d.put("y", y);
    return d.outputs();
  }
}
