package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.HalfFloats;
import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * half2_axpy.cu on each of the two halves of a pair: a2 = a rounded to f16 (F2FP), t = HFMA2(a2,
 * x, y) rounded once to f16, y = HADD2(t, bias) rounded once (on sm_90 an HFMA2 with unit
 * multiplier, the same rounding). The bias parameter is a u32: its low half goes with the pair's
 * low (even-indexed) element. Every rounding is reproduced, so the result is bit-exact.
 */
final class Half2AxpyReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "half2_axpy");
    d.require1d();
    float a2 = HalfFloats.fromF16(HalfFloats.toF16(d.floatScalar("a")));
    int bias = d.intScalar("bias");
    short[] biasHalves = {(short) bias, (short) (bias >>> 16)};
    short[] x = d.shorts("x");
    short[] y = d.shorts("y");
    int pairs = Math.min(d.intScalar("n2"), d.threadsX());
    d.requireCount("x", x.length, 2L * pairs);
    d.requireCount("y", y.length, 2L * pairs);
    for (int i = 0; i < 2 * pairs; i++) {
      y[i] = axpyBias(a2, x[i], y[i], biasHalves[i & 1]);
    }
    d.put("y", y);
    return d.outputs();
  }

  /** One half of the pair: fma rounded to f16, then the bias add rounded to f16. */
  static short axpyBias(float a2, short x, short y, short bias) {
    double product = (double) a2 * HalfFloats.fromF16(x); // 22 significant bits: exact
    double[] sum = SmallFloats.twoSum(product, HalfFloats.fromF16(y));
    short t = SmallFloats.toHalf(sum[0], sum[1]);
    // Two halves add exactly in double (their exponents differ by at most 40).
    return SmallFloats.toHalf((double) HalfFloats.fromF16(t) + HalfFloats.fromF16(bias));
  }
}
