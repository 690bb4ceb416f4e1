package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.HalfFloats;
import org.junit.jupiter.api.Test;

/** bf16_convert, fp8_convert, fp64_special, fp_rounding and half_ops: known values and bounds. */
class ConversionReferencesBTest {

  @Test
  void bf16ConvertAgainstAFloatPipeline() throws Exception {
    SpecRun run = SpecRun.of("bf16_convert");
    float[] in = run.inFloats("in");
    short[] scale = LittleEndian.shorts(run.initial.get("scale"));
    float[] outBf16 = run.outFloats("out_bf16");
    short[] outHalf = LittleEndian.shorts(run.expected.get("out_half"));
    float[] bias = {0.5f, -0.5f};
    for (int i = 0; i < 8192; i++) {
      for (int c = 0; c < 2; c++) {
        // The same pipeline in float with the launch package's encoders: bf16·bf16 is exact in
        // float, and + bias or + s stays within 24 bits for these magnitudes.
        float s = HalfFloats.fromBf16(scale[2 * (i % 64) + c]);
        float b = HalfFloats.fromBf16(HalfFloats.toBf16(in[2 * i + c]));
        b = HalfFloats.fromBf16(HalfFloats.toBf16(Math.fma(b, s, bias[c])));
        b = HalfFloats.fromBf16(HalfFloats.toBf16(Math.fma(b, b, s)));
        assertEquals(b, outBf16[2 * i + c], "pair " + i + "." + c);
        assertEquals(0, Float.floatToRawIntBits(outBf16[2 * i + c]) & 0xFFFF, "a bf16 value");
      }
      float lo = HalfFloats.fromF16(HalfFloats.toF16(outBf16[2 * i] + in[2 * i]));
      float hi = HalfFloats.fromF16(HalfFloats.toF16(outBf16[2 * i + 1] - in[2 * i + 1]));
      assertEquals(HalfFloats.toF16(lo * 1.25f), outHalf[2 * i]); // lo·0.25 + lo is exact
      assertEquals(HalfFloats.toF16(Math.fma(hi, 0.25f, lo)), outHalf[2 * i + 1]);
    }
  }

  @Test
  void fp8ConvertSaturatesE4m3AndKeepsE5m2() throws Exception {
    SpecRun run = SpecRun.of("fp8_convert");
    float[] in = run.inFloats("in");
    int[] out = run.outInts("out");
    int saturated = 0;
    for (int i = 0; i < 128; i++) {
      float x = in[2 * i];
      float y = in[2 * i + 1];
      saturated += Math.abs(x) > 464 ? 1 : 0;
      assertEquals(Fp8ConvertReference.value(x, y), out[i]);
    }
    assertTrue(saturated > 0, "the spec's [-500, 500) inputs exercise e4m3 saturation");
    // One pair by hand: (1, -2). e4m3: 1 = 0x38, -2 = 0xC0. e5m2: 1 = 0x3C, -2 = 0xC0.
    // Halves: e4 → (0x3C00, 0xC000), e5 → (0x3C00, 0xC000); mixed: x 0x3C00 ^ 0xC000 = 0xFC00
    // (-inf → -448 = 0xFE), y 0xC000 ^ 0x3C00 = 0xFC00 (0xFE). one = e5m2(3) = 0x42,
    // two = e4m3(-2) = 0xC0.
    int e4 = 0x38 | 0xC0 << 8;
    int e5 = 0x3C | 0xC0 << 8;
    int back = 0xFE | 0xFE << 8;
    assertEquals((e4 << 16 | e5) ^ (back << 8) ^ 0x42 ^ (0xC0 << 24),
        Fp8ConvertReference.value(1f, -2f));
    assertEquals(0xFF, Fp8ConvertReference.e4m3FromHalf((short) 0xFE00)); // -NaN keeps its sign
  }

  @Test
  void fp64SpecialPackedAndConversionKnownValues() {
    // The binaries keep only the half of x (cvt.rn.f16.f64); the s8 byte was compiled away.
    assertEquals(0x3C00, Fp64SpecialReference.packed(1.0));
    assertEquals(0xC266, Fp64SpecialReference.packed(-3.2));
    assertEquals(0xC800, Fp64SpecialReference.packed(-8.0));
    assertEquals(0x2A66, Fp64SpecialReference.packed(0.05));
    assertEquals(0x7C00, Fp64SpecialReference.packed(65520.0)); // halfway past 65504: inf
    // s8w (y·40 truncated, saturated) still enters out.
    assertEquals(127, Fp64SpecialReference.saturateS8(Fp64SpecialReference.trunc(3.2 * 40)));
    assertEquals(-128, Fp64SpecialReference.saturateS8(Fp64SpecialReference.trunc(-8.0 * 40)));
    assertEquals(-127, Fp64SpecialReference.saturateS8(Fp64SpecialReference.trunc(-3.19 * 40)));
    assertEquals(1, Fp64SpecialReference.ilogb(3.0));
    assertEquals(-1074, Fp64SpecialReference.ilogb(Double.MIN_VALUE));
    assertEquals(Integer.MIN_VALUE, Fp64SpecialReference.ilogb(0.0));
  }

  @Test
  void fp64SpecialOutByHand() throws Exception {
    // x = y = 1: s = 1 + 1/sqrt(2) + 1 + 1 + 1, then + (2 + 1 + 1.5 + 1 + 1 + 1);
    // back = 10^6 + 10^6 + 1, hf = 1 + 1, s8w = 40, ilogb(3) = 1.
    double s = 1 + 1 / Math.sqrt(2) + 1 + 1 + 1;
    s += 2 + 1 + 1.5 + 1 + 1 + 1;
    double want = s + 2000001.0 + 2.0 + 40 + 1;
    assertEquals(want, Fp64SpecialReference.out(1.0, 1.0));
    SpecRun run = SpecRun.of("fp64_special");
    double[] out = LittleEndian.doubles(run.expected.get("out"));
    Tolerance t = run.reference.tolerance("out");
    for (double v : out) {
      assertTrue(Double.isFinite(v));
      assertTrue(t.accepts(v, v + Math.ulp(v) * 4)); // a few ulps of rsqrt drift pass
      assertFalse(t.accepts(v, v + 1e-6 * Math.max(1, Math.abs(v))));
    }
    assertTrue(run.reference.tolerance("packed").isExact());
  }

  @Test
  void fpRoundingByHandAtOneOne() {
    // x = y = 1. s = RZ(2) + RU(1) + RD(2) + 0 = 5; then 0.25 + 1 + 0.25 + RZ(1/3).
    float third = 0x1.555554p-2f;
    float s = 5f + (0.25f + 1f + 0.25f + third);
    float t = (float) Math.tanh(1.0);
    float ex2 = HalfFloats.fromF16(HalfFloats.toF16((float) Math.pow(2,
        HalfFloats.fromF16(HalfFloats.toF16(0.1f)))));
    // frexp(1) = 0.5·2^1 → ldexp(1, 1) = 2; flags: only isfinite (8);
    // r = 1 + 1 + 1 + 1 + floor(3.5) + 1 = 8; floor(1) = 1; ceil(1) = 1.
    float want = s + t + t + 2f + 8f + 8f + ex2 + 1f + 1f;
    assertEquals(want, FpRoundingReference.value(1f, 1f));
    // Negative, inf-producing x: x = -3.5 → x·1e38 overflows (flag 2), y's sign bit (flag 4).
    float v = FpRoundingReference.value(-3.5f, -0.75f);
    assertTrue(Float.isFinite(v));
  }

  @Test
  void fpRoundingToleranceCoversTheApproximations() throws Exception {
    SpecRun run = SpecRun.of("fp_rounding");
    float[] a = run.inFloats("a");
    float[] b = run.inFloats("b");
    float[] out = run.outFloats("out");
    Tolerance t = run.reference.tolerance("out");
    for (int i = 0; i < 256; i++) {
      assertTrue(Float.isFinite(out[i]));
      // Perturb the approximated terms by their documented worst case: tanh by 2^-11 (twice),
      // ex2 by one half ulp, the quotient by 2 ulps; the tolerance must still accept.
      float x = a[i];
      float y = b[i];
      float shifted = out[i] + 2 * 0x1p-11f + 0x1p-10f * 1.32f
          + 2 * Math.ulp(x / (y + 3.0f));
      assertTrue(t.accepts(out[i], shifted), "element " + i);
      assertFalse(t.accepts(out[i], out[i] + 0.01f + 1e-6f * Math.abs(out[i])));
    }
  }

  @Test
  void halfOpsExactPartsAndKnownConversions() throws Exception {
    SpecRun run = SpecRun.of("half_ops");
    short[] a = LittleEndian.shorts(run.initial.get("a"));
    short[] b = LittleEndian.shorts(run.initial.get("b"));
    short[] c = LittleEndian.shorts(run.initial.get("c"));
    short[] bout = LittleEndian.shorts(run.expected.get("bout"));
    int[] iout = run.outInts("iout");
    short[] out = LittleEndian.shorts(run.expected.get("out"));
    Tolerance t = run.reference.tolerance("out");
    for (int i = 0; i < 128; i++) {
      float[] bz = new float[2];
      for (int k = 0; k < 2; k++) {
        float z = HalfFloats.fromBf16(c[2 * i + k]);
        float zz = HalfFloats.fromBf16(HalfFloats.toBf16(z * z)); // 8×8-bit product: exact
        bz[k] = HalfFloats.fromBf16(HalfFloats.toBf16(Math.fma(Math.max(z, zz), z, 0.5f)));
        assertEquals(HalfFloats.toBf16(bz[k]), bout[2 * i + k]);
      }
      float x0 = HalfFloats.fromF16(a[2 * i]);
      float x1 = HalfFloats.fromF16(a[2 * i + 1]);
      float y0 = HalfFloats.fromF16(b[2 * i]);
      float y1 = HalfFloats.fromF16(b[2 * i + 1]);
      float z0 = HalfFloats.fromBf16(c[2 * i]);
      float z1 = HalfFloats.fromBf16(c[2 * i + 1]);
      // rz(x.lo) + rn(y.hi) + rd(z.lo) + both x > y + both z < bz + ru(|x.hi|)
      int want = (int) x0 + rintToInt(y1) + (int) Math.floor(z0)
          + (x0 > y0 && x1 > y1 ? 1 : 0) + (z0 < bz[0] && z1 < bz[1] ? 1 : 0)
          + (int) Math.ceil(Math.abs(x1));
      assertEquals(want, iout[i], "iout " + i);
      for (int k = 0; k < 2; k++) {
        float got = HalfFloats.fromF16(out[2 * i + k]);
        assertTrue(got >= 0, "s·gt ≥ 0, exp > 0, sqrt ≥ 0");
        float x = k == 0 ? x0 : x1;
        float y = k == 0 ? y0 : y1;
        // exp(x) + sqrt|y| ≤ out ≤ exp(x) + sqrt|y| + 1 (the saturated term), within rounding.
        double lo = Math.exp(x) + Math.sqrt(Math.abs(y));
        assertTrue(got >= lo * (1 - 0x1p-9) - 0x1p-9 && got <= (lo + 1) * (1 + 0x1p-9) + 0x1p-9,
            "out " + i + "." + k);
        // One half ulp more must still pass.
        assertTrue(t.accepts(got, got + Math.ulp(got)));
      }
    }
  }

  private static int rintToInt(float v) {
    return (int) Math.rint(v); // __half2short_rn: ties to even
  }
}
