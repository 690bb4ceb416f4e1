package io.sassim.isa.emu.reference;

import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RD;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RU;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RZ;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * fp_rounding.cu: FADD.RZ, FMUL.RP, FFMA.RM, correctly rounded sqrt and rcp.rz, saturation,
 * frexp/ldexp, NaN/inf tests, min/max and the float rounding functions, summed in source order
 * (the SASS keeps it). Three terms are approximations: tanh.approx (MUFU.TANH, counted twice
 * through copysign), ex2.approx.f16 (MUFU.EX2.F16) and __fdividef (x times MUFU.RCP); the
 * reference uses their exact values, and the tolerance bounds the approximations plus the
 * roundings of the later sums they can shift.
 */
final class FpRoundingReference implements WorkloadReference {

  /**
   * tanh.approx.f32 relative error 2^-11 on |tanh| &lt; 1 (twice), ex2.approx.f16 relative error
   * 2^-9.9 on values below 1.32, and one float ulp of partial sums below 1024 for each of the 8
   * later adds: 2.9e-3.
   * __fdividef's 2 ulps matter only when y + 3 is near 0 and the quotient dominates: relative.
   */
  static final Tolerance OUT = new Tolerance(3e-3, 0x1p-21,
      "MUFU.TANH (2^-11 rel, twice), MUFU.EX2.F16 (2^-9.9 rel), __fdividef (2 ulp) + later sums");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "fp_rounding");
    d.require1d();
    float[] a = d.floats("a");
    float[] b = d.floats("b");
    float[] out = d.floats("out");
    int m = d.guardedCount("n", "a", "b", "out");
    for (int i = 0; i < m; i++) {
      out[i] = value(a[i], b[i]);
    }
    d.put("out", out);
    return d.outputs();
  }

  static float value(float x, float y) {
    float s = DirectedRounding.add(x, y, RZ) + DirectedRounding.mul(x, y, RU)
        + DirectedRounding.fma(x, y, 1.0f, RD) + (x - y);
    s += saturate(x * 0.25f) + (float) Math.sqrt(Math.abs(y)) + x / (y + 3.0f)
        + DirectedRounding.rcpTowardZero(y + 2.0f);
    float t = (float) Math.tanh(x);
    double hx = SmallFloats.fromHalf(SmallFloats.toHalf(x * 0.1f));
    float ex2 = (float) SmallFloats.fromHalf(SmallFloats.toHalf(Math.pow(2.0, hx)));
    float nanmin = Float.isNaN(x) || Float.isNaN(y) ? Float.NaN : Math.min(x, y);
    int e = frexpExponent(x);
    float l = Math.scalb(y, e & 7);
    float c = Math.copySign(t, y);
    int flags = (Float.isNaN(x / y) ? 1 : 0) + 2 * (Float.isInfinite(x * 1e38f) ? 1 : 0)
        + 4 * (Float.floatToRawIntBits(y) < 0 ? 1 : 0) + 8 * (Float.isFinite(x) ? 1 : 0);
    float r = fmin(x, y) + fmax(x, nanmin) + trunc(x) + (float) Math.rint(y)
        + (float) Math.floor(x * 3.5f) + (float) Math.ceil(y);
    long floorX = (long) Math.floor(x); // __float2int_rd, in range for these inputs
    long ceilAbsY = (long) Math.ceil(Math.abs(y)); // __float2uint_ru
    return s + t + c + l + r + (float) flags + ex2 + (float) (int) floorX
        + (float) (ceilAbsY & 0xFFFFFFFFL);
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("out") ? OUT : Tolerance.EXACT;
  }

  static float saturate(float v) {
    return Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
  }

  static float trunc(float v) {
    return (float) (v < 0 ? Math.ceil(v) : Math.floor(v));
  }

  /** fminf: a NaN operand yields the other; -0 orders below +0 (FMNMX). */
  static float fmin(float x, float y) {
    return Float.isNaN(x) ? y : Float.isNaN(y) ? x : Math.min(x, y);
  }

  static float fmax(float x, float y) {
    return Float.isNaN(x) ? y : Float.isNaN(y) ? x : Math.max(x, y);
  }

  /** frexpf's exponent: x = m·2^e with 0.5 ≤ |m| &lt; 1; 0 for zero, inf and NaN. */
  static int frexpExponent(float x) {
    if (x == 0 || !Float.isFinite(x)) {
      return 0;
    }
    int e = Math.getExponent(x);
    if (e == Float.MIN_EXPONENT - 1) { // subnormal
      e = Math.getExponent(x * 0x1p24f) - 24;
    }
    return e + 1;
  }
}
