package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * softmax.cu, one warp per row. The max is exact. Each lane sums expf(x - m) over columns lane,
 * lane + 32, ... in order, the lanes combine by XOR butterfly, 1/s is correctly rounded, and each
 * output is expf(x - m) · (1/s): the reference replays that order with expf rounded from double.
 * Only expf differs: the GPU's is MUFU.EX2 after a range reduction, within 2 ulp.
 */
final class SoftmaxReference implements WorkloadReference {

  /**
   * Relative, for rows of at most 256 columns. expf: 2 ulp (2.4e-7) against the reference's
   * correctly rounded one; the sum of positive terms has depth 12 (8 in a lane, 5 butterfly
   * levels minus the exact first add), so each side is within 12 · 2^-24 (7.2e-7) of its exact
   * sum: 2.4e-7 + 2 · 7.2e-7 for the sum, then two roundings a side for 1/s and the product.
   */
  static final Tolerance TOLERANCE = new Tolerance(0, 2.5e-6,
      "expf is MUFU.EX2-based (2 ulp); same order, 12-deep positive sums: <= 2.3e-6 relative");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    return run(spec, initial, Noise.NONE);
  }

  /** The launch with {@code noise} on every expf (the tests size the tolerance with it). */
  Map<String, byte[]> run(LaunchSpec spec, Map<String, byte[]> initial, Noise noise) {
    LaunchData d = new LaunchData(spec, initial, "softmax");
    d.require1d();
    d.requireWholeWarps();
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int rows = Math.min(d.intScalar("rows"), d.threadsX() / 32);
    int cols = d.intScalar("cols");
    d.requireCount("in", in.length, (long) rows * cols);
    d.requireCount("out", out.length, (long) rows * cols);
    float[] lanes = new float[32];
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      float m = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < cols; c++) {
        m = Math.max(m, in[base + c]); // fmaxf; the order of a max does not matter
      }
      for (int lane = 0; lane < 32; lane++) {
        float s = 0f;
        for (int c = lane; c < cols; c += 32) {
          float arg = in[base + c] - m;
          s += noise.apply(expf(arg), arg);
        }
        lanes[lane] = s;
      }
      float inv = 1.0f / Butterfly.sum(lanes, 0)[0];
      for (int c = 0; c < cols; c++) {
        float arg = in[base + c] - m;
        out[base + c] = noise.apply(expf(arg), arg) * inv;
      }
    }
    d.put("out", out);
    return d.outputs();
  }

  @Override
  public Tolerance tolerance(String argName) {
    return TOLERANCE;
  }

  /** expf, correctly rounded except in double-rounding ties far below the tolerance. */
  static float expf(float x) {
    return (float) Math.exp(x);
  }
}
