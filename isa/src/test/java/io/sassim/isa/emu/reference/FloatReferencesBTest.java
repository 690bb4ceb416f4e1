package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The float part-B references: known values, order-free totals and tolerance adequacy. */
class FloatReferencesBTest {

  @Test
  void casLoopMaximaArePlainMaximaAndProductsAnyOrder() throws Exception {
    SpecRun run = SpecRun.of("cas_loop");
    float[] in = run.inFloats("in");
    float[] maxima = run.outFloats("maxima");
    float[] products = run.outFloats("products");
    Tolerance t = run.reference.tolerance("products");
    assertTrue(run.reference.tolerance("maxima").isExact());
    for (int b = 0; b < 8; b++) {
      float mx = -2.0f;
      double exact = 1.0;
      float reversed = 1.0f;
      for (int i = b; i < in.length; i += 8) {
        mx = Math.max(mx, in[i]);
        exact *= 1.0 + (double) in[i] * (double) 1e-3f;
      }
      for (int i = in.length - 8 + b; i >= 0; i -= 8) {
        reversed *= Math.fma(in[i], 1e-3f, 1.0f); // the opposite CAS order
      }
      assertEquals(mx, maxima[b], "bin " + b);
      assertTrue(mx > 0.9f, "512 uniform draws in [-1, 1) replace the initial -2");
      assertTrue(Math.abs(products[b] - exact) / exact < 1e-4, "bin " + b);
      assertTrue(t.accepts(products[b], reversed), "the tolerance admits another order");
      assertFalse(t.accepts(products[b], products[b] * (1 + 1e-4f)));
    }
  }

  @Test
  void dynSharedWindowsAndTheirZeroHalo() throws Exception {
    SpecRun run = SpecRun.of("dyn_shared");
    float[] in = run.inFloats("in");
    float[] out = run.outFloats("out");
    int n = in.length;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = -4; k <= 4; k++) {
        sum += (i + k >= 0 && i + k < n) ? in[i + k] : 0;
      }
      assertEquals(sum / 9, out[i], 1e-6, "element " + i);
    }
    // Element 0 sees only in[0..4]; the last sees only the final five.
    float first = 0.f;
    for (int k = 0; k <= 4; k++) {
      first += in[k];
    }
    assertEquals(first * (1.0f / 9), out[0]);
    // A smaller n leaves the tail of out untouched and moves the halo to the new end.
    SpecRun shorter = SpecRun.of("dyn_shared",
        SpecRun.withScalar(SpecRun.load("dyn_shared"), "n", 1000));
    float[] s = shorter.outFloats("out");
    assertEquals(0f, s[1000]);
    float tail = in[995] + in[996] + in[997] + in[998] + in[999];
    float tailSum = 0.f + in[995] + in[996] + in[997] + in[998] + in[999];
    assertEquals(tailSum * (1.0f / 9), s[999]);
    assertTrue(Math.abs(tail - tailSum) <= Math.ulp(tail) * 4);
  }

  @Test
  void bulkCopyScalesIota() throws Exception {
    float[] out = SpecRun.of("bulk_copy").outFloats("out");
    assertEquals(65536, out.length);
    for (int i = 0; i < out.length; i++) {
      assertEquals(3.0f * i, out[i]); // below 2^24·... every value exact
    }
  }

  @Test
  void setmaxnregSumsHandDerived() throws Exception {
    float[] out = SpecRun.of("setmaxnreg").outFloats("out");
    // in[k] = k/4, staged ×2, each consumer adds 16 staged values × 0.5.
    assertEquals(0.25f * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15),
        out[0]);
    assertEquals(0.25f * ((120 + 127) * 4 + (0 + 7) * 4), out[120]); // wraps around the stage
    assertEquals(16 * 32 + 30f, out[128]); // block 1: in = 32 + k/4
  }

  @Test
  void wgmmaTileMatchesAFloatAccumulationWithinItsTolerance() throws Exception {
    SpecRun run = SpecRun.of("wgmma_tile");
    short[] a = LittleEndian.shorts(run.initial.get("a"));
    short[] b = LittleEndian.shorts(run.initial.get("b"));
    float[] d = run.outFloats("d");
    Tolerance t = run.reference.tolerance("d");
    double worst = 0;
    for (int r = 0; r < 128; r++) {
      for (int c = 0; c < 128; c++) {
        float acc = 0.f; // one plausible hardware order: k ascending, fp32 FMAs
        for (int k = 0; k < 128; k++) {
          acc = Math.fma((float) SmallFloats.fromHalf(a[r * 128 + k]),
              (float) SmallFloats.fromHalf(b[c * 128 + k]), acc);
        }
        assertTrue(t.accepts(d[r * 128 + c], acc), r + "," + c);
        worst = Math.max(worst, Math.abs(acc - d[r * 128 + c]));
      }
    }
    assertTrue(worst > 0, "some element must differ, or the tolerance is not needed");
    assertTrue(worst < t.absolute() / 5, "fp32 order differences stay well inside: " + worst);
    // B is stored column by column: element (0, 1) pairs row 0 of A with b[128 .. 255].
    double d01 = 0;
    for (int k = 0; k < 128; k++) {
      d01 += SmallFloats.fromHalf(a[k]) * SmallFloats.fromHalf(b[128 + k]);
    }
    assertEquals((float) d01, d[1]);
  }

  @Test
  void memHintsStoresAndTheAcquireTolerance() throws Exception {
    SpecRun run = SpecRun.of("mem_hints");
    float[] in = run.inFloats("in4");
    float[] out = run.outFloats("out");
    float[] out4 = run.outFloats("out4");
    int n = 128;
    for (int i = 0; i < n; i++) {
      assertEquals(in[i] + in[n + i], out[n + i]);
      assertEquals(out[i], out4[4 * i]);
      assertEquals(0f, out4[4 * i + 2]); // scratch starts zeroed
      assertEquals(in[2 * i], out4[4 * i + 3]);
    }
    assertArrayEquals(new int[] {1, 2}, run.outInts("flag"));
    ByteBuffer scratch =
        ByteBuffer.wrap(run.expected.get("scratch")).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      assertEquals(i + 1, scratch.get(4 * n + i) & 0xFF); // bytes[i] = i, stored + 1
      assertEquals(-64 + i - 1, scratch.getShort(2 * (4 * n + i))); // halves[i] = -64 + i
      assertEquals(out[i], scratch.getFloat(4 * i));
    }
    assertEquals(0f, scratch.getFloat(4 * (5 * n))); // the discarded line keeps its zeros
    // Thread 0: s with acq = 1 instead of 0 must pass; 1.01 off must not.
    float s0 = out[0];
    Tolerance t = run.reference.tolerance("out");
    assertTrue(t.accepts(s0, s0 + 1.0f) && t.accepts(s0, s0 - 1.0f));
    assertFalse(t.accepts(s0, s0 + 1.01f));
    assertTrue(run.reference.tolerance("flag").isExact());
  }

  @Test
  void atomicsMixOrderFreeTotals() throws Exception {
    SpecRun run = SpecRun.of("atomics_mix");
    assertEquals(0.5 * (127 * 128 / 2), LittleEndian.doubles(run.expected.get("dsum"))[0]);
    short[] h = LittleEndian.shorts(run.expected.get("hsum"));
    assertEquals(128.0, SmallFloats.fromHalf(h[0]));
    assertEquals(-64.0, SmallFloats.fromHalf(h[1]));
    assertArrayEquals(new long[] {-3 * 127, 127 - 40},
        LittleEndian.longs(run.expected.get("smin")));
    assertArrayEquals(new float[] {192f, 32f}, run.outFloats("fsum"));
    assertFalse(run.expected.containsKey("ctr"));
    assertFalse(run.expected.containsKey("w"));
    assertFalse(run.expected.containsKey("prev"));
  }

  @Test
  void atomicsMixCountsOnlyLaunchedThreads() throws Exception {
    SpecRun run = SpecRun.of("atomics_mix",
        SpecRun.withScalar(SpecRun.load("atomics_mix"), "n", 5000));
    // The grid is 2 × 64 threads, so only 128 threads exist whatever n says.
    assertEquals(128.0, SmallFloats.fromHalf(LittleEndian.shorts(run.expected.get("hsum"))[0]));
    // n = 100: block 1 has 36 threads in range, so its shared float sum is 36 · 0.25.
    SpecRun fewer = SpecRun.of("atomics_mix",
        SpecRun.withScalar(SpecRun.load("atomics_mix"), "n", 100));
    assertArrayEquals(new float[] {150f, 16f + 9f}, fewer.outFloats("fsum"));
    assertEquals(100.0, SmallFloats.fromHalf(LittleEndian.shorts(fewer.expected.get("hsum"))[0]));
  }
}
