package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.launch.HalfFloats;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The floating-point workloads whose references are bit-exact: each is checked against the
 * exact (double or BigDecimal) value within the rounding-error bound of its operation order, and
 * where it matters that the order is the GPU's, that a different order gives different bits.
 */
class ExactFloatReferencesTest {
  private static final double U = 0x1p-24; // unit roundoff of float

  @Test
  void vecaddIsTheRoundedSum() throws Exception {
    SpecRun r = SpecRun.of("vecadd", "vecadd.launch.yaml");
    float[] a = r.inFloats("a");
    float[] b = r.inFloats("b");
    float[] c = r.outFloats("c");
    for (int i = 0; i < c.length; i++) {
      assertEquals(i, b[i]);
      assertTrue(Math.abs(c[i] - ((double) a[i] + b[i])) <= Math.ulp(c[i]) / 2, "at " + i);
    }
  }

  @Test
  void saxpyRoundsOnceAndThatDiffersFromMulThenAdd() throws Exception {
    SpecRun r = SpecRun.of("saxpy", "saxpy.launch.yaml");
    float[] x = r.inFloats("x");
    float[] y0 = r.inFloats("y");
    float[] y = r.outFloats("y");
    int unfusedDiffers = 0;
    for (int i = 0; i < y.length; i++) {
      double exact = 2.5 * x[i] + y0[i]; // exact in double
      assertTrue(Math.abs(y[i] - exact) <= Math.ulp(y[i]) / 2, "at " + i);
      unfusedDiffers += y[i] != 2.5f * x[i] + y0[i] ? 1 : 0;
    }
    // y grows to 32768 while |a·x| < 2.5, so the product's own rounding rarely shows: 15 do.
    assertTrue(unfusedDiffers >= 10, "FFMA contraction should be visible: " + unfusedDiffers);
  }

  /** |computed - exact| <= depth · u · sum|a_k b_k| for an FFMA chain of that depth. */
  private static void assertDotProducts(float[] a, float[] b, float[] c, int n, int rows, int cols) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double exact = 0;
        double mag = 0;
        for (int k = 0; k < n; k++) {
          double p = (double) a[i * n + k] * b[k * n + j];
          exact += p;
          mag += Math.abs(p);
        }
        assertTrue(Math.abs(c[i * n + j] - exact) <= n * U * mag, "C[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void sgemmTiledIsTheProductWithinTheChainBound() throws Exception {
    SpecRun r = SpecRun.of("sgemm_tiled", "sgemm_tiled.launch.yaml");
    assertDotProducts(r.inFloats("a"), r.inFloats("b"), r.outFloats("c"), 256, 256, 256);
  }

  @Test
  void sgemmNaiveIsTheProductWithinTheChainBound() throws Exception {
    SpecRun r = SpecRun.of("sgemm_naive", "sgemm_naive.launch.yaml");
    assertDotProducts(r.inFloats("a"), r.inFloats("b"), r.outFloats("c"), 96, 96, 96);
  }

  private static LaunchSpec withScalars(LaunchSpec s, io.sassim.isa.launch.Dim3 grid,
      Map<String, Long> scalars) {
    List<KernelArg> args = new ArrayList<>();
    for (KernelArg a : s.args()) {
      if (a instanceof ScalarArg sa && scalars.containsKey(sa.name())) {
        args.add(new ScalarArg(sa.name(), sa.type(), scalars.get(sa.name())));
      } else {
        args.add(a);
      }
    }
    return new LaunchSpec(s.source(), s.kernel(), s.binary(), s.archs(), grid, s.block(),
        s.dynamicSharedBytes(), s.repeat(), args);
  }

  @Test
  void transposeMovesEveryElementAndTwiceIsTheIdentity() throws Exception {
    SpecRun r = SpecRun.of("transpose", "transpose.launch.yaml");
    float[] out = r.outFloats("out");
    int rows = 512;
    int cols = 256;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        assertEquals(y * cols + x, out[x * rows + y]); // the input is an iota
      }
    }
    // Back again: a 256 x 512 matrix needs the grid the other way round.
    LaunchSpec back = withScalars(r.spec, new io.sassim.isa.launch.Dim3(16, 8, 1),
        Map.of("rows", 256L, "cols", 512L));
    Map<String, byte[]> init = new HashMap<>(r.initial);
    init.put("in", r.expected.get("out"));
    assertArrayEquals(r.initial.get("in"),
        r.reference.expectedOutputs(back, init).get("out"));
    // A grid that reaches only half the rows leaves the rest of out as it was.
    LaunchSpec half = withScalars(r.spec, new io.sassim.isa.launch.Dim3(8, 8, 1), Map.of());
    float[] partial = LittleEndian.floats(r.reference.expectedOutputs(half, r.initial).get("out"));
    assertEquals(255 * cols + 7, partial[7 * rows + 255]);
    assertEquals(0f, partial[7 * rows + 256]);
  }

  @Test
  void naiveTransposeTwiceIsTheIdentity() throws Exception {
    SpecRun r = SpecRun.of("transpose_naive", "transpose_naive.launch.yaml");
    float[] out = r.outFloats("out");
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        assertEquals(y * 256 + x, out[x * 256 + y]);
      }
    }
    Map<String, byte[]> init = new HashMap<>(r.initial);
    init.put("in", r.expected.get("out"));
    assertArrayEquals(r.initial.get("in"), r.reference.expectedOutputs(r.spec, init).get("out"));
  }

  @Test
  void stencilKeepsTheBoundaryAndAveragesTheInterior() throws Exception {
    SpecRun r = SpecRun.of("stencil2d", "stencil2d.launch.yaml");
    float[] in = r.inFloats("in");
    float[] out = r.outFloats("out");
    int w = 128;
    for (int y = 0; y < 128; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (x == 0 || y == 0 || x == w - 1 || y == 127) {
          assertEquals(in[i], out[i]);
        } else {
          double avg = ((double) in[i - 1] + in[i + 1] + in[i - w] + in[i + w]) / 4;
          assertTrue(Math.abs(out[i] - avg) <= 3 * U * 4 * avg + Math.ulp(out[i]), "at " + i);
        }
      }
    }
    // A linear field is harmonic: the sweep leaves it unchanged, exactly (small integers).
    float[] linear = new float[in.length];
    for (int i = 0; i < linear.length; i++) {
      linear[i] = (i % w) + 2 * (i / w);
    }
    Map<String, byte[]> init = new HashMap<>(r.initial);
    init.put("in", LittleEndian.bytes(linear));
    assertArrayEquals(LittleEndian.bytes(linear),
        r.reference.expectedOutputs(r.spec, init).get("out"));
  }

  private static void assertSpmv(String specFile, int perRow, int depth) throws Exception {
    SpecRun r = SpecRun.of("spmv_csr", specFile);
    int[] col = r.inInts("col_idx");
    float[] vals = r.inFloats("vals");
    float[] x = r.inFloats("x");
    float[] y = r.outFloats("y");
    for (int row = 0; row < y.length; row++) {
      double exact = 0;
      double mag = 0;
      for (int k = row * perRow; k < (row + 1) * perRow; k++) {
        double p = (double) vals[k] * x[col[k]];
        exact += p;
        mag += Math.abs(p);
      }
      assertTrue(Math.abs(y[row] - exact) <= depth * U * mag, specFile + " row " + row);
    }
  }

  @Test
  void spmvThreadPerRowIsTheRowDotWithinTheChainBound() throws Exception {
    assertSpmv("spmv_csr.launch.yaml", 12, 12);
  }

  @Test
  void spmvWarpPerRowIsTheRowDotWithinTheTreeBound() throws Exception {
    // 96 nonzeros: 3 FFMAs per lane, then 5 butterfly levels.
    assertSpmv("spmv_csr.warp.launch.yaml", 96, 8);
    // The butterfly order is not the sequential one: the two kernels disagree in the last bits.
    SpecRun warp = SpecRun.of("spmv_csr", "spmv_csr.warp.launch.yaml");
    int[] rowPtr = warp.inInts("row_ptr");
    int[] col = warp.inInts("col_idx");
    float[] vals = warp.inFloats("vals");
    float[] x = warp.inFloats("x");
    float[] y = warp.outFloats("y");
    int differ = 0;
    for (int r = 0; r < y.length; r++) {
      float seq = 0f;
      for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
        seq = Math.fma(vals[k], x[col[k]], seq);
      }
      differ += seq != y[r] ? 1 : 0;
    }
    assertTrue(differ > 50, "sequential and butterfly sums agree too often: " + differ);
  }

  @Test
  void dpolyIsThePolynomialWithinHornersBound() throws Exception {
    SpecRun r = SpecRun.of("dpoly", "dpoly.launch.yaml");
    double[] x = LittleEndian.doubles(r.initial.get("x"));
    double[] coef = LittleEndian.doubles(r.initial.get("coef"));
    double[] y = LittleEndian.doubles(r.expected.get("y"));
    for (int i = 0; i < x.length; i += 31) {
      BigDecimal v = new BigDecimal(x[i]);
      BigDecimal exact = BigDecimal.ZERO; // 34 digits: far below the 2^-53 bound
      double mag = Math.abs(x[i]) + 1;
      for (int k = 7; k >= 0; k--) {
        exact = exact.multiply(v, MathContext.DECIMAL128).add(new BigDecimal(coef[k]));
        mag += Math.abs(coef[k]) * Math.pow(Math.abs(x[i]), k + 1);
      }
      exact = exact.multiply(v).add(v).add(BigDecimal.ONE);
      double err = Math.abs(exact.subtract(new BigDecimal(y[i])).doubleValue());
      if (err > 10 * 0x1p-53 * mag) {
        fail("at " + i + ": " + err);
      }
    }
  }

  @Test
  void asyncCopyIsEachBlocksSumWithinTheTreeBound() throws Exception {
    SpecRun r = SpecRun.of("async_copy", "async_copy.launch.yaml");
    float[] in = r.inFloats("in");
    float[] out = r.outFloats("out");
    int per = 8 * 512;
    for (int b = 0; b < out.length; b++) {
      double exact = 0; // 4096 floats summed in double: off by < 2^-41 of the sum, negligible
      double mag = 0;
      for (int i = b * per; i < (b + 1) * per; i++) {
        exact += in[i];
        mag += Math.abs(in[i]);
      }
      // Depth: 31 adds per thread (the first is exact), 5 butterfly levels, 4 warp sums.
      double err = Math.abs(exact - out[b]);
      assertTrue(err <= 40 * U * mag, "block " + b + ": " + err);
    }
  }

  @Test
  void half2AxpyRoundsTwiceToHalf() throws Exception {
    SpecRun r = SpecRun.of("half2_axpy", "half2_axpy.launch.yaml");
    short[] x = LittleEndian.shorts(r.initial.get("x"));
    short[] y0 = LittleEndian.shorts(r.initial.get("y"));
    short[] y = LittleEndian.shorts(r.expected.get("y"));
    double[] bias = {1.0, -0.5}; // 0xb8003c00: low half 1.0, high half -0.5
    for (int i = 0; i < y.length; i++) {
      double exact = 1.5 * HalfFloats.fromF16(x[i]) + HalfFloats.fromF16(y0[i]) + bias[i & 1];
      double got = HalfFloats.fromF16(y[i]);
      // Two roundings to half, each at most half an ulp of a value below 4 (ulp 2^-9 above 2).
      if (Math.abs(got - exact) > 0x1p-9) {
        fail("at " + i + ": " + got + " vs " + exact);
      }
    }
  }
}
