package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * sgemm_naive.cu: each element of C is one FFMA chain over k = 0..n-1 in order (the listing
 * unrolls the loop but keeps the chain), so the result is bit-exact.
 */
final class SgemmNaiveReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "sgemm_naive");
    float[] a = d.floats("a");
    float[] b = d.floats("b");
    float[] c = d.floats("c");
    int n = d.intScalar("n");
    int cols = (int) Math.min(n, (long) d.grid().x() * d.block().x());
    int rows = (int) Math.min(n, (long) d.grid().y() * d.block().y());
    d.requireCount("a", a.length, (long) n * n);
    d.requireCount("b", b.length, (long) n * n);
    d.requireCount("c", c.length, (long) n * n);
    multiply(a, b, c, n, rows, cols);
    d.put("c", c);
    return d.outputs();
  }

  /**
   * Rows [0, rows) and columns [0, cols) of C = A·B, all n×n row-major: each element one FFMA
   * chain over k = 0..n-1 in order from 0, which is what both SGEMM kernels compute.
   */
  static void multiply(float[] a, float[] b, float[] c, int n, int rows, int cols) {
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < cols; col++) {
        float acc = 0f;
        for (int k = 0; k < n; k++) {
          acc = Math.fma(a[row * n + k], b[k * n + col], acc);
        }
        c[row * n + col] = acc;
      }
    }
  }
}
