package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.HalfFloats;
import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * hgemm_mma.cu: D = A·B with f16 inputs (A m×k row-major, B k×n stored by columns) and an f32
 * accumulator updated by one m16n8k16 MMA per 16-wide k step. Warp w of block (bx, by) owns rows
 * by·16.. and columns (bx·4 + w)·8... The reference adds each step's 16 exact products to the
 * accumulator with one rounding; the tensor core's internal alignment and rounding are not
 * specified, hence the tolerance.
 */
final class HgemmMmaReference implements WorkloadReference {
  private static final int WARPS = 4; // kWarps: the shared arrays hold four warps' tiles

  /**
   * Absolute, for the spec's k = 128 (8 MMA steps) and |D| < 16: per step the reference rounds
   * once (<= 2^-21 = 4.8e-7) and the tensor core truncates its aligned sum (assumed <= 2 ulp, 1.9e-6)
   * — 8 · 2.4e-6 = 1.9e-5. The H200 measured 4.2e-6 against an exact double product.
   */
  static final Tolerance TOLERANCE = new Tolerance(2e-5, 0,
      "tensor-core accumulation order/rounding unspecified; 8 MMA steps of |D| < 16: <= 1.9e-5");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    return run(spec, initial, Noise.NONE);
  }

  /** The launch with {@code noise} on each MMA step's result (the tests size the tolerance). */
  Map<String, byte[]> run(LaunchSpec spec, Map<String, byte[]> initial, Noise noise) {
    LaunchData d = new LaunchData(spec, initial, "hgemm_mma");
    int bdx = d.block().x();
    if (d.block().y() != 1 || d.block().z() != 1 || bdx % 32 != 0 || bdx > 32 * WARPS) {
      throw new IllegalArgumentException(spec.source() + ": hgemm_mma needs 1 to 4 whole warps"
          + " in x, got block " + d.block());
    }
    short[] a = d.shorts("a");
    short[] b = d.shorts("b");
    float[] out = d.floats("d");
    int m = d.intScalar("m");
    int n = d.intScalar("n");
    int k = d.intScalar("k");
    int tileRows = 16 * d.grid().y();
    int tileCols = 8 * WARPS * d.grid().x();
    if (k % 16 != 0 || tileRows > m || tileCols > n) {
      throw new IllegalArgumentException(spec.source() + ": hgemm_mma needs k a multiple of 16"
          + " and the grid inside D (m " + m + ", n " + n + ", k " + k + ", grid " + d.grid() + ")");
    }
    d.requireCount("a", a.length, (long) m * k);
    d.requireCount("b", b.length, (long) n * k);
    d.requireCount("d", out.length, (long) m * n);
    for (int by = 0; by < d.grid().y(); by++) {
      for (int bx = 0; bx < d.grid().x(); bx++) {
        for (int w = 0; w < bdx / 32; w++) {
          int col0 = (bx * WARPS + w) * 8;
          for (int r = by * 16; r < by * 16 + 16; r++) {
            for (int c = col0; c < col0 + 8; c++) {
              out[r * n + c] = dot(a, r * k, b, c * k, k, noise);
            }
          }
        }
      }
    }
    d.put("d", out);
    return d.outputs();
  }

  /** One D element: per 16-wide step, the exact sum of 16 products added with one rounding. */
  private static float dot(short[] a, int aRow, short[] b, int bCol, int k, Noise noise) {
    float acc = 0f;
    for (int k0 = 0; k0 < k; k0 += 16) {
      double step = 0; // products of halves are exact; 16 of them fit a double's 53 bits here
      for (int kk = k0; kk < k0 + 16; kk++) {
        step += (double) HalfFloats.fromF16(a[aRow + kk]) * HalfFloats.fromF16(b[bCol + kk]);
      }
      acc = noise.apply((float) (acc + step), (float) step);
    }
    return acc;
  }

  @Override
  public Tolerance tolerance(String argName) {
    return TOLERANCE;
  }
}
