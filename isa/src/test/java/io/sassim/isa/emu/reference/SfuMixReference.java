package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * sfu_mix.cu following its listing: __sinf/__cosf are MUFU.SIN/COS of FMUL.RZ(v, 1/2π) (input in
 * turns), exp2f is MUFU.EX2 of a·0.25, __log2f MUFU.LG2 of |b| + 1, rsqrtf MUFU.RSQ of |a| + 1;
 * then e = ex2 + lg2, FFMA(sin, cos, e · rsq), plus the correctly rounded a / b. The reference
 * rounds every FADD/FMUL/FFMA as the GPU does and puts the exact function, rounded to float, where
 * the GPU has a MUFU approximation.
 */
final class SfuMixReference implements WorkloadReference {

  /**
   * Absolute, for |x| <= 4 and 0.5 <= y <= 4 as in the spec: MUFU.SIN/COS ~2^-21.4 absolute each
   * (7.2e-7 on the product), EX2/RSQ 2 ulp and LG2 ~2^-22.6 absolute give 2.6e-6 on e · rsq
   * (values up to 4.3), and the FFMA and final FADD (values up to 13.3) may round apart by an ulp
   * each (4.8e-7, 9.5e-7): 4.75e-6 in all.
   */
  static final Tolerance TOLERANCE = new Tolerance(5e-6, 0,
      "MUFU sin/cos/ex2/lg2/rsq approximations in terms up to ~13: <= 4.75e-6 absolute");

  /** 1/(2π) rounded to float, the constant in the listings (0x3E22F983). */
  private static final float INV_2PI = (float) (1 / (2 * Math.PI));

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    return run(spec, initial, Noise.NONE, Noise.NONE, Noise.NONE);
  }

  /**
   * The launch with noise on the MUFU results: {@code sinCos} on MUFU.SIN/COS, {@code lg2} on
   * MUFU.LG2, {@code ex2Rsq} on MUFU.EX2/RSQ (the tests size the tolerance with it).
   */
  Map<String, byte[]> run(LaunchSpec spec, Map<String, byte[]> initial, Noise sinCos, Noise lg2,
      Noise ex2Rsq) {
    LaunchData d = new LaunchData(spec, initial, "sfu_mix");
    d.require1d();
    float[] x = d.floats("x");
    float[] y = d.floats("y");
    float[] out = d.floats("out");
    int m = d.guardedCount("n", "x", "y", "out");
    for (int i = 0; i < m; i++) {
      out[i] = mix(x[i], y[i], sinCos, lg2, ex2Rsq);
    }
    d.put("out", out);
    return d.outputs();
  }

  @Override
  public Tolerance tolerance(String argName) {
    return TOLERANCE;
  }

  private static float mix(float a, float b, Noise sinCos, Noise lg2Noise, Noise ex2Rsq) {
    float turnsA = DirectedRounding.mulTowardZero(a, INV_2PI);
    float turnsB = DirectedRounding.mulTowardZero(b, INV_2PI);
    float sin = sinCos.apply((float) Math.sin(2 * Math.PI * turnsA), turnsA);
    float cos = sinCos.apply((float) Math.cos(2 * Math.PI * turnsB), -turnsB);
    float quarter = a * 0.25f;
    float ex2 = ex2Rsq.apply((float) Math.pow(2, quarter), quarter);
    float b1 = Math.abs(b) + 1.0f;
    float lg2 = lg2Noise.apply((float) (Math.log(b1) / Math.log(2)), b1);
    float a1 = Math.abs(a) + 1.0f;
    float rsq = ex2Rsq.apply((float) (1 / Math.sqrt(a1)), -a1);
    float er = (ex2 + lg2) * rsq;
    return Math.fma(sin, cos, er) + a / b;
  }
}
