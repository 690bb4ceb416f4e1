package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.Dim3;
import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * wgmma_tile.cu: D = A·B with f16 inputs and f32 accumulation, A m×k row-major, B stored as n
 * columns of k, D m×n row-major; one 128-thread warpgroup per 64×8 tile. The f16 products are
 * exact; the reference sums them exactly (in double) and rounds once, while the tensor core adds
 * in its own order and internal precision.
 */
final class WgmmaTileReference implements WorkloadReference {

  /**
   * k = 128 accumulations, each off by at most one fp32 ulp (2^-23 relative, truncation) of a
   * partial sum bounded by Σ|a·b| ≈ 32 (inputs uniform in [-1, 1)), so about 5e-4; 1e-3 leaves
   * room for the worst rows.
   */
  static final Tolerance D = new Tolerance(1e-3, 0,
      "HGMMA accumulates 128 exact f16 products in fp32 in hardware order: k*2^-23*sum|ab|");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "wgmma_tile");
    int m = d.intScalar("m");
    int n = d.intScalar("n");
    int k = d.intScalar("k");
    if (m % 64 != 0 || n % 8 != 0 || k % 16 != 0
        || !spec.grid().equals(new Dim3(n / 8, m / 64, 1))
        || !spec.block().equals(new Dim3(128, 1, 1))) {
      throw new IllegalArgumentException(spec.source() + ": wgmma_tile needs m, n, k multiples of"
          + " 64, 8, 16, grid (n/8, m/64) and 128 threads; got m=" + m + " n=" + n + " k=" + k
          + ", grid " + spec.grid() + ", block " + spec.block());
    }
    short[] a = d.shorts("a");
    short[] b = d.shorts("b");
    float[] out = d.floats("d");
    d.requireCount("a", (long) m * k);
    d.requireCount("b", (long) n * k);
    d.requireCount("d", (long) m * n);
    double[] bcol = new double[k];
    for (int c = 0; c < n; c++) {
      for (int kk = 0; kk < k; kk++) {
        bcol[kk] = SmallFloats.fromHalf(b[c * k + kk]);
      }
      for (int r = 0; r < m; r++) {
        double acc = 0;
        for (int kk = 0; kk < k; kk++) {
          acc += SmallFloats.fromHalf(a[r * k + kk]) * bcol[kk]; // 22-bit products, exact sums
        }
        out[r * n + c] = (float) acc;
      }
    }
    d.put("d", out);
    return d.outputs();
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("d") ? D : Tolerance.EXACT;
  }
}
