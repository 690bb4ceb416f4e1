package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * mma_variants.cu: one warp runs a chain of mma.sync forms on fragments loaded straight from
 * global memory. Lane l loads its A registers from a[4l .. 4l+3] and its B registers from
 * a[4l + 128] and a[4l + 129], so the buffer must hold 254 words.
 *
 * <p>The integer forms (IMMA s8/u8/s4, BMMA and/xor-popc) are exact. The f16-accumulating
 * m16n8k8 leaves raw half bits that s adds as integers, so s is exact only if the tensor core
 * rounds that sum once to nearest (modelled here). f chains tf32, bf16 and tf32 MMAs and d is one
 * DMMA; both take the exact sums (in double) rounded once, within the tolerances below.
 */
final class MmaVariantsReference implements WorkloadReference {
  private static final int WORDS_READ = 4 * 31 + 129 + 1;

  static final Tolerance F = new Tolerance(0, 0x1p-20,
      "tf32/bf16 HMMA chains: hardware summation order and internal rounding, a few fp32 ulps");
  static final Tolerance D = new Tolerance(1e-15, 0x1p-50,
      "DMMA.884 sums 4 products in its own order: a few fp64 ulps of |a||b| <= 4");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData buf = new LaunchData(spec, initial, "mma_variants");
    buf.require1d();
    buf.requireBlock(32);
    buf.requireCount("a", WORDS_READ);
    buf.requireCount("da", 64);
    buf.requireCount("f", 128);
    buf.requireCount("s", 128);
    buf.requireCount("d", 64);
    int[] a = buf.ints("a");
    double[] da = buf.doubles("da");
    float[] fOut = buf.floats("f");
    int[] sOut = buf.ints("s");
    double[] dOut = buf.doubles("d");

    int[] a0 = new int[32];
    int[] a1 = new int[32];
    int[] a2 = new int[32];
    int[] a3 = new int[32];
    int[] b0 = new int[32];
    int[] b1 = new int[32];
    for (int l = 0; l < 32; l++) {
      a0[l] = a[4 * l];
      a1[l] = a[4 * l + 1];
      a2[l] = a[4 * l + 2];
      a3[l] = a[4 * l + 3];
      b0[l] = a[4 * l + 128];
      b1[l] = a[4 * l + 129];
    }

    // f: tf32 m16n8k8, then bf16 m16n8k16, then tf32 m16n8k4, accumulating in c.
    double[][] c = new double[16][8];
    c = floatMma(regs(a0, a1, a2, a3), regs(b0, b1), c, Kind.TF32);
    c = floatMma(regs(a3, a2, a1, a0), regs(b1, b0), c, Kind.BF16);
    c = floatMma(regs(a2, a0), regs(b1), c, Kind.TF32);

    // q: the integer chain.
    long[][] q = new long[16][8];
    q = intMma(regs(a0, a1, a2, a3), regs(b0, b1), q, 8, true, true, Op.MUL, true);
    q = intMma(regs(a1, a0, a3, a2), regs(b1, b0), q, 8, false, true, Op.MUL, false);
    q = intMma(regs(a0, a1, a2, a3), regs(b0, b1), q, 1, false, false, Op.XOR, false);
    q = intMma(regs(a3, a1, a2, a0), regs(b0, b1), q, 1, false, false, Op.AND, false);
    q = intMma(regs(a1, a2, a3, a0), regs(b0, b1), q, 4, true, true, Op.MUL, false);
    q = intMma(regs(a3, a1), regs(b1), q, 8, true, true, Op.MUL, false);
    q = intMma(regs(a0, a3), regs(b0), q, 1, false, false, Op.AND, false);

    // h: f16 m16n8k8 with C = (a0, a1) as f16x2, A = (a2, a3), B = b0.
    int[] h0 = new int[32];
    int[] h1 = new int[32];
    halfMma(regs(a2, a3), regs(b0), a0, a1, h0, h1);

    // z = (q2, q3) through b1 m8n8k128 and-popc with A = a1, B = b1.
    int[][] z = new int[32][2];
    int[][] am8 = MmaFragments.a(regs(a1), 8, 1);
    int[][] bm8 = MmaFragments.b(regs(b1), 1);
    for (int l = 0; l < 32; l++) {
      for (int i = 0; i < 2; i++) {
        int row = l / 4;
        int col = 2 * (l % 4) + i;
        int acc = (int) q[MmaFragments.cRow(l, 2 + i)][MmaFragments.cCol(l, 2 + i)];
        for (int k = 0; k < 128; k++) {
          acc += am8[row][k] & bm8[k][col];
        }
        z[l][i] = acc;
      }
    }

    // w, q[3] = s8 m8n8k16 with A = a2, B = b1, C = (q0, q1).
    int[][] as8 = MmaFragments.a(regs(a2), 8, 8);
    int[][] bs8 = MmaFragments.b(regs(b1), 8);
    int[] w = new int[32];
    int[] q3 = new int[32];
    for (int l = 0; l < 32; l++) {
      int[] dd = new int[2];
      for (int i = 0; i < 2; i++) {
        int row = l / 4;
        int col = 2 * (l % 4) + i;
        int acc = (int) q[MmaFragments.cRow(l, i)][MmaFragments.cCol(l, i)];
        for (int k = 0; k < 16; k++) {
          acc += (byte) as8[row][k] * (byte) bs8[k][col];
        }
        dd[i] = acc;
      }
      w[l] = dd[0];
      q3[l] = dd[1];
    }

    // d: f64 m8n8k4, A element (g, t) = da[lane], B element (t, g) = da[32 + lane].
    double[][] am = new double[8][4];
    double[][] bm = new double[4][8];
    for (int l = 0; l < 32; l++) {
      am[l / 4][l % 4] = da[l];
      bm[l % 4][l / 4] = da[32 + l];
    }

    for (int l = 0; l < 32; l++) {
      int[] qs = new int[4];
      for (int j = 0; j < 4; j++) {
        qs[j] = (int) q[MmaFragments.cRow(l, j)][MmaFragments.cCol(l, j)];
        fOut[l * 4 + j] = (float) c[MmaFragments.cRow(l, j)][MmaFragments.cCol(l, j)];
      }
      qs[3] = q3[l];
      int[] h = {h0[l], h1[l]};
      for (int j = 0; j < 4; j++) {
        sOut[l * 4 + j] = qs[j] + w[l] + z[l][j & 1] + h[j & 1];
      }
      for (int i = 0; i < 2; i++) {
        int row = l / 4;
        int col = 2 * (l % 4) + i;
        double acc = 0;
        for (int k = 0; k < 4; k++) {
          acc = Math.fma(am[row][k], bm[k][col], acc); // DMMA's order may differ: see D
        }
        dOut[l * 2 + i] = acc;
      }
    }
    buf.put("f", fOut);
    buf.put("s", sOut);
    buf.put("d", dOut);
    return buf.outputs();
  }

  private enum Kind { TF32, BF16 }

  private enum Op { MUL, AND, XOR }

  static int[][] regs(int[]... perReg) {
    int[][] out = new int[32][perReg.length];
    for (int l = 0; l < 32; l++) {
      for (int r = 0; r < perReg.length; r++) {
        out[l][r] = perReg[r][l];
      }
    }
    return out;
  }

  /** D = A·B + C for m16n8 f32-accumulating forms: exact products and sums, rounded to float. */
  private static double[][] floatMma(int[][] aRegs, int[][] bRegs, double[][] c, Kind kind) {
    int bits = kind == Kind.TF32 ? 32 : 16;
    int[][] am = MmaFragments.a(aRegs, 16, bits);
    int[][] bm = MmaFragments.b(bRegs, bits);
    double[][] out = new double[16][8];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 8; j++) {
        double acc = c[i][j];
        for (int k = 0; k < am[0].length; k++) {
          acc += value(am[i][k], kind) * value(bm[k][j], kind);
        }
        out[i][j] = (float) acc;
      }
    }
    return out;
  }

  /** tf32 uses the top 19 bits of the float register; bf16 a 16-bit field. */
  private static double value(int raw, Kind kind) {
    return kind == Kind.TF32
        ? Float.intBitsToFloat(raw & 0xFFFFE000)
        : SmallFloats.fromBf16((short) raw);
  }

  /** D = A·B + C for the integer m16n8 forms, wrapping (or saturating) to 32 bits. */
  private static long[][] intMma(int[][] aRegs, int[][] bRegs, long[][] c, int bits,
      boolean aSigned, boolean bSigned, Op op, boolean saturate) {
    int[][] am = MmaFragments.a(aRegs, 16, bits);
    int[][] bm = MmaFragments.b(bRegs, bits);
    long[][] out = new long[16][8];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 8; j++) {
        long acc = c[i][j];
        for (int k = 0; k < am[0].length; k++) {
          long x = aSigned ? signExtend(am[i][k], bits) : am[i][k];
          long y = bSigned ? signExtend(bm[k][j], bits) : bm[k][j];
          acc += switch (op) {
            case MUL -> x * y;
            case AND -> x & y;
            case XOR -> x ^ y;
          };
        }
        out[i][j] = saturate ? Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, acc))
            : (int) acc;
      }
    }
    return out;
  }

  private static long signExtend(int field, int bits) {
    return ((long) field << (64 - bits)) >> (64 - bits);
  }

  /** f16 m16n8k8 with f16 accumulators: each element the exact sum rounded once to half. */
  static void halfMma(int[][] aRegs, int[][] bRegs, int[] c0, int[] c1, int[] d0,
      int[] d1) {
    int[][] am = MmaFragments.a(aRegs, 16, 16);
    int[][] bm = MmaFragments.b(bRegs, 16);
    for (int l = 0; l < 32; l++) {
      int[] cRegs = {c0[l], c1[l]};
      int[] dRegs = new int[2];
      for (int r = 0; r < 2; r++) {
        int row = l / 4 + 8 * r;
        for (int e = 0; e < 2; e++) {
          int col = 2 * (l % 4) + e;
          double acc = SmallFloats.fromHalf((short) (cRegs[r] >>> (16 * e)));
          for (int k = 0; k < 8; k++) {
            acc += SmallFloats.fromHalf((short) am[row][k])
                * SmallFloats.fromHalf((short) bm[k][col]);
          }
          dRegs[r] |= (SmallFloats.toHalf(acc) & 0xFFFF) << (16 * e);
        }
      }
      d0[l] = dRegs[0];
      d1[l] = dRegs[1];
    }
  }

  @Override
  public Tolerance tolerance(String argName) {
    return switch (argName) {
      case "f" -> F;
      case "d" -> D;
      default -> Tolerance.EXACT;
    };
  }
}
