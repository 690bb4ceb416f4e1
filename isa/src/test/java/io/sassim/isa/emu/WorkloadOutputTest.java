package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.ElementType;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs corpus workloads on every target and checks their outputs against the algorithm computed
 * here in Java, in the same operation order, so that integer and FP32 results match bit for bit.
 */
class WorkloadOutputTest {

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void vecadd(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("vecadd");
    float[] a = Launches.floats(Launches.initial(spec, "a"));
    float[] b = Launches.floats(Launches.initial(spec, "b"));
    float[] want = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      want[i] = a[i] + b[i];
    }
    EmulationResult r = Launches.run(spec, arch);
    assertArrayEquals(want, Launches.floats(r.buffers().get("c")));
  }

  /**
   * vecadd's listing, read by hand: on sm_8x a thread in range runs 16 instructions (MOV R1 at
   * 0x000 to EXIT at 0x0f0) and one out of range 6 (up to {@code @P0 EXIT} at 0x050); on sm_90,
   * 20 (LDC R1 to EXIT at 0x130) and 8 (up to {@code @P0 EXIT} at 0x070). A warp issues each
   * instruction once whatever its active lanes.
   */
  @Test
  void vecaddWarpInstructionCountsMatchTheListing() throws Exception {
    LaunchSpec full = Launches.workload("vecadd");
    assertEquals(2048L * 16, Launches.run(full, Architecture.SM_86).warpInstructions());
    assertEquals(2048L * 20, Launches.run(full, Architecture.SM_90).warpInstructions());
    // n = 1000: warps 0..31 hold a thread in range (warp 31 only lanes 0..7); 2016 exit early.
    LaunchSpec part = withScalar(full, "n", 1000L);
    assertEquals(32L * 16 + 2016L * 6, Launches.run(part, Architecture.SM_80).warpInstructions());
    assertEquals(32L * 20 + 2016L * 8, Launches.run(part, Architecture.SM_90).warpInstructions());
    // Thread instructions count lanes whose guard held: in range, 15 (the @P0 EXIT is off).
    assertEquals(1000L * 15 + 64536L * 6, Launches.run(part, Architecture.SM_89).threadInstructions());
  }

  private static LaunchSpec withScalar(LaunchSpec s, String name, long value) {
    List<KernelArg> args = new ArrayList<>();
    for (KernelArg a : s.args()) {
      args.add(a.name().equals(name) ? new ScalarArg(name, ElementType.S32, value) : a);
    }
    return new LaunchSpec(s.source(), s.kernel(), s.binary(), s.archs(), s.grid(), s.block(),
        s.dynamicSharedBytes(), s.repeat(), args);
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void saxpyUsesOneFusedMultiplyAdd(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("saxpy");
    float[] x = Launches.floats(Launches.initial(spec, "x"));
    float[] y = Launches.floats(Launches.initial(spec, "y"));
    float[] want = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      want[i] = Math.fma(2.5f, x[i], y[i]);
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("y")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void intMix(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("int_mix");
    int[] in = Launches.ints(Launches.initial(spec, "in"));
    int[] want = new int[in.length];
    int divisor = 7;
    for (int i = 0; i < in.length; i++) {
      int v = in[i];
      int h = v * 0x9e3779b9;
      h ^= Integer.rotateLeft(h, 13);
      h = (h & 0x00ff00ff) | (~h & v);
      h += bytePerm(v, h, 0x3715);
      int bits = Integer.bitCount(v) + Integer.numberOfLeadingZeros(h | 1) + (Integer.reverse(v) >>> 27);
      int lo = Math.min(v, h);
      int hi = Integer.compareUnsigned(v, h) >= 0 ? v : h;
      want[i] = h + bits + lo + Integer.divideUnsigned(hi, divisor) + Integer.remainderUnsigned(v, divisor);
    }
    assertArrayEquals(want, Launches.ints(Launches.run(spec, arch).buffers().get("out")));
  }

  /** CUDA's __byte_perm: selector nibbles index the bytes of {b:a} (bit 3 ignored). */
  private static int bytePerm(int a, int b, int s) {
    long bytes = ((long) b << 32) | (a & 0xFFFFFFFFL);
    int r = 0;
    for (int k = 0; k < 4; k++) {
      int n = (s >>> (4 * k)) & 7;
      r |= (int) ((bytes >>> (8 * n)) & 0xFF) << (8 * k);
    }
    return r;
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void reduceSum(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("reduce_sum");
    int sum = 0;
    for (int v : Launches.ints(Launches.initial(spec, "in"))) {
      sum += v;
    }
    assertEquals(sum, Launches.ints(Launches.run(spec, arch).buffers().get("out"))[0]);
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void histogram(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("histogram");
    int[] want = new int[256];
    var data = Launches.initial(spec, "data");
    for (int i = 0; i < data.capacity(); i++) {
      want[data.get(i) & 0xFF]++;
    }
    assertArrayEquals(want, Launches.ints(Launches.run(spec, arch).buffers().get("bins")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void collatzDivergesAndReconverges(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("collatz");
    int[] start = Launches.ints(Launches.initial(spec, "start"));
    int[] want = new int[start.length];
    for (int i = 0; i < start.length; i++) {
      long v = start[i] & 0xFFFFFFFFL;
      int s = 0;
      while (v > 1 && s < 1000) {
        v = (v & 1) != 0 ? 3 * v + 1 : v >>> 1;
        s++;
      }
      want[i] = s;
    }
    assertArrayEquals(want, Launches.ints(Launches.run(spec, arch).buffers().get("steps")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void scan(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("scan");
    int[] in = Launches.ints(Launches.initial(spec, "in"));
    int[] want = new int[in.length];
    int[] sums = new int[in.length / 256];
    for (int blk = 0; blk < sums.length; blk++) {
      int acc = 0;
      for (int t = 0; t < 256; t++) {
        acc += in[blk * 256 + t];
        want[blk * 256 + t] = acc;
      }
      sums[blk] = acc;
    }
    EmulationResult r = Launches.run(spec, arch);
    assertArrayEquals(want, Launches.ints(r.buffers().get("out")));
    assertArrayEquals(sums, Launches.ints(r.buffers().get("block_sums")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void transpose(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("transpose");
    float[] in = Launches.floats(Launches.initial(spec, "in"));
    int rows = 512;
    int cols = 256;
    float[] want = new float[in.length];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        want[x * rows + y] = in[y * cols + x];
      }
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("out")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void sgemmNaiveAccumulatesWithFma(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("sgemm_naive");
    float[] a = Launches.floats(Launches.initial(spec, "a"));
    float[] b = Launches.floats(Launches.initial(spec, "b"));
    int n = 96;
    float[] want = new float[n * n];
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        float acc = 0f;
        for (int k = 0; k < n; k++) {
          acc = Math.fma(a[row * n + k], b[k * n + col], acc);
        }
        want[row * n + col] = acc;
      }
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("c")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void sgemmTiled(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("sgemm_tiled");
    float[] a = Launches.floats(Launches.initial(spec, "a"));
    float[] b = Launches.floats(Launches.initial(spec, "b"));
    int n = 256;
    float[] want = new float[n * n];
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        float acc = 0f;
        for (int k = 0; k < n; k++) {
          acc = Math.fma(a[row * n + k], b[k * n + col], acc);
        }
        want[row * n + col] = acc;
      }
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("c")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void stencil(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("stencil2d");
    float[] in = Launches.floats(Launches.initial(spec, "in"));
    int w = 128;
    int h = 128;
    float[] want = new float[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        boolean interior = x > 0 && x < w - 1 && y > 0 && y < h - 1;
        want[i] = interior ? 0.25f * (((in[i - 1] + in[i + 1]) + in[i - w]) + in[i + w]) : in[i];
      }
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("out")));
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void spmvThreadPerRow(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("spmv_csr");
    int[] rowPtr = Launches.ints(Launches.initial(spec, "row_ptr"));
    int[] col = Launches.ints(Launches.initial(spec, "col_idx"));
    float[] vals = Launches.floats(Launches.initial(spec, "vals"));
    float[] x = Launches.floats(Launches.initial(spec, "x"));
    float[] want = new float[4096];
    for (int r = 0; r < want.length; r++) {
      float acc = 0f;
      for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
        acc = Math.fma(vals[k], x[col[k]], acc);
      }
      want[r] = acc;
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("y")));
  }

  /**
   * LDSM x4/x2 and HMMA.16816.F32 together: a fragment placed in the wrong lane or register would
   * be far off. Each tile accumulates eight rounded FP32 MMA results, hence the tolerance.
   */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void hgemmWithLdmatrixAndMma(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("hgemm_mma");
    java.nio.ByteBuffer a = Launches.initial(spec, "a");
    java.nio.ByteBuffer b = Launches.initial(spec, "b");
    int n = 128;
    float[] d = Launches.floats(Launches.run(spec, arch).buffers().get("d"));
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double exact = 0;
        double magnitude = 0;
        for (int k = 0; k < n; k++) {
          double p = (double) io.sassim.isa.launch.HalfFloats.fromF16(a.getShort(2 * (r * n + k)))
              * io.sassim.isa.launch.HalfFloats.fromF16(b.getShort(2 * (c * n + k)));
          exact += p;
          magnitude += Math.abs(p);
        }
        assertEquals(exact, d[r * n + c], 1e-6 * magnitude + 1e-7, "d[" + r + "][" + c + "]");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void bitonicSortSortsEachBlock(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("bitonic_sort");
    int[] keys = Launches.ints(Launches.initial(spec, "keys"));
    for (int blk = 0; blk < keys.length; blk += 1024) {
      java.util.Arrays.sort(keys, blk, blk + 1024);
    }
    assertArrayEquals(keys, Launches.ints(Launches.run(spec, arch).buffers().get("keys")));
  }

  /** Full expf and IEEE division (MUFU.EX2, MUFU.RCP with their fix-ups): rows sum to one. */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void softmaxRowsAreDistributions(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("softmax");
    float[] in = Launches.floats(Launches.initial(spec, "in"));
    float[] out = Launches.floats(Launches.run(spec, arch).buffers().get("out"));
    for (int row = 0; row < 256; row++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < 256; c++) {
        max = Math.max(max, in[row * 256 + c]);
      }
      double sum = 0;
      for (int c = 0; c < 256; c++) {
        sum += Math.exp(in[row * 256 + c] - max);
      }
      for (int c = 0; c < 256; c++) {
        double want = Math.exp(in[row * 256 + c] - max) / sum;
        assertEquals(want, out[row * 256 + c], 1e-6 * want + 1e-9, "row " + row + " col " + c);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void dpolyDfmaChain(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("dpoly");
    java.nio.ByteBuffer x = Launches.initial(spec, "x");
    java.nio.ByteBuffer coef = Launches.initial(spec, "coef");
    java.nio.ByteBuffer y = Launches.le(Launches.run(spec, arch).buffers().get("y"));
    for (int i = 0; i < x.capacity() / 8; i++) {
      double v = x.getDouble(8 * i);
      double acc = coef.getDouble(56);
      for (int k = 6; k >= 0; k--) {
        acc = Math.fma(acc, v, coef.getDouble(8 * k));
      }
      assertEquals(Math.fma(acc, v, v + 1.0), y.getDouble(8 * i), "y[" + i + "]");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void warpCollectives(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("warp_collectives");
    int[] in = Launches.ints(Launches.initial(spec, "in"));
    int[] want = new int[in.length / 32 * 6];
    for (int w = 0; w < in.length / 32; w++) {
      int ballot = 0;
      boolean any = false;
      boolean every = true;
      int sum = 0;
      int max = 0;
      int x = 0;
      int peers = 0;
      for (int l = 0; l < 32; l++) {
        int v = in[32 * w + l];
        ballot |= (v & 1) << l;
        any |= Integer.compareUnsigned(v, 1000) > 0;
        every &= v != 0;
        sum += v;
        max = Integer.compareUnsigned(v, max) > 0 ? v : max;
        x ^= v;
        peers += Integer.remainderUnsigned(v, 4) == Integer.remainderUnsigned(in[32 * w], 4) ? 1 : 0;
      }
      int[] row = {ballot, (any ? 1 : 0) | (every ? 2 : 0), peers, sum, max, x};
      System.arraycopy(row, 0, want, 6 * w, 6);
    }
    assertArrayEquals(want, Launches.ints(Launches.run(spec, arch).buffers().get("out")));
  }

  /** cp.async double buffering: LDGSTS copies, then per-thread sums and a butterfly reduction. */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void asyncCopySums(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("async_copy");
    float[] in = Launches.floats(Launches.initial(spec, "in"));
    float[] want = new float[64];
    for (int blk = 0; blk < 64; blk++) {
      float[] acc = new float[128];
      for (int t = 0; t < 128; t++) {
        for (int c = 0; c < 8; c++) {
          for (int j = t; j < 512; j += 128) {
            acc[t] += in[blk * 4096 + c * 512 + j];
          }
        }
      }
      float total = 0f;
      for (int w = 0; w < 4; w++) {
        float[] v = java.util.Arrays.copyOfRange(acc, 32 * w, 32 * w + 32);
        for (int off = 16; off > 0; off >>= 1) {
          float[] next = new float[32];
          for (int l = 0; l < 32; l++) {
            next[l] = v[l] + v[l ^ off];
          }
          v = next;
        }
        total += v[0];
      }
      want[blk] = total;
    }
    assertArrayEquals(want, Launches.floats(Launches.run(spec, arch).buffers().get("out")));
  }

  /** atomicCAS retry loops: the maxima are exact; the products depend on the order of updates. */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void casLoops(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.workload("cas_loop");
    float[] in = Launches.floats(Launches.initial(spec, "in"));
    float[] max = new float[8];
    double[] product = new double[8];
    java.util.Arrays.fill(max, -2f);
    java.util.Arrays.fill(product, 1.0);
    for (int i = 0; i < in.length; i++) {
      max[i % 8] = Math.max(max[i % 8], in[i]);
      product[i % 8] *= 1.0f + in[i] * 1e-3f;
    }
    EmulationResult r = Launches.run(spec, arch);
    assertArrayEquals(max, Launches.floats(r.buffers().get("maxima")));
    float[] got = Launches.floats(r.buffers().get("products"));
    for (int b = 0; b < 8; b++) {
      assertEquals(product[b], got[b], 1e-4 * product[b]);
    }
  }
}
