package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * cas_loop.cu: a float max and a float product per bin, built from CAS retry loops. The maxima
 * are exact whatever the order; the products depend on the order the CAS loops win in.
 */
final class CasLoopReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "cas_loop");
    d.require1d();
    float[] in = d.floats("in");
    float[] maxima = d.floats("maxima");
    float[] products = d.floats("products");
    int n = d.intScalar("n");
    int bins = d.intScalar("bins");
    int m = Math.min(n, d.gridX() * d.blockX());
    d.requireCount("in", m);
    d.requireCount("maxima", Math.min(bins, m));
    d.requireCount("products", Math.min(bins, m));
    for (int i = 0; i < m; i++) {
      float v = in[i];
      int b = i % bins;
      // The loop stores v only while the bin holds less than v (a NaN bin is never replaced).
      if (!(maxima[b] >= v)) {
        maxima[b] = v;
      }
      // ptxas contracts 1.0f + v * 1e-3f into one FFMA, then FMULs it into the bin.
      products[b] = products[b] * Math.fma(v, 1e-3f, 1.0f);
    }
    d.put("maxima", maxima);
    d.put("products", products);
    return d.outputs();
  }

  /**
   * Each bin multiplies {@code factorsPerBin} factors in whatever order the CAS loops win; each
   * product rounds once (2^-24 relative), so two orders differ by at most 2·k·2^-24 relative.
   */
  static final Tolerance PRODUCTS = new Tolerance(0, 2 * 512 * 0x1p-24 * 1.01,
      "512 factors per bin multiplied in CAS-winning order: 2*512*2^-24 relative");

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("products") ? PRODUCTS : Tolerance.EXACT;
  }
}
