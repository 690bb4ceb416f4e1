package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * half_ops.cu: packed half and bf16 min/max, compares, relu FMA, saturating add and multiply,
 * h2 division, exp and sqrt, and conversions to integers. Every HADD2/HMUL2/HFMA2 (f16 or bf16)
 * rounds the exact result once, so bout and iout are exact. out goes through three
 * approximations: __h2div (x times MUFU.RCP, then rounded to half), h2exp (MUFU.EX2 plus
 * corrections tuned to the hardware's MUFU) and h2sqrt (MUFU.SQRT); the reference uses the
 * correctly rounded values.
 */
final class HalfOpsReference implements WorkloadReference {

  /**
   * One half ulp each from the division (|d| &lt; 4: 2^-9), exp and sqrt, plus a shifted rounding
   * in each of the two final HADD2s: within 2^-8 absolute plus 2^-8 relative.
   */
  static final Tolerance OUT = new Tolerance(0x1p-8, 0x1p-8,
      "__h2div/h2exp/h2sqrt use MUFU.RCP/EX2/SQRT: ~1 half ulp each, plus the HADD2s they shift");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "half_ops");
    d.require1d();
    short[] a = d.shorts("a");
    short[] b = d.shorts("b");
    short[] c = d.shorts("c");
    short[] out = d.shorts("out");
    short[] bout = d.shorts("bout");
    int[] iout = d.ints("iout");
    int m = Math.min(d.intScalar("n"), d.gridX() * d.blockX());
    for (String name : new String[] {"a", "b", "c", "out", "bout"}) {
      d.requireCount(name, 2L * m);
    }
    d.requireCount("iout", m);
    for (int i = 0; i < m; i++) {
      double[] x = {SmallFloats.fromHalf(a[2 * i]), SmallFloats.fromHalf(a[2 * i + 1])};
      double[] y = {SmallFloats.fromHalf(b[2 * i]), SmallFloats.fromHalf(b[2 * i + 1])};
      double[] z = {SmallFloats.fromBf16(c[2 * i]), SmallFloats.fromBf16(c[2 * i + 1])};
      double[] bz = new double[2];
      for (int k = 0; k < 2; k++) {
        out[2 * i + k] = outLane(x[k], y[k]);
        double zz = bf16(z[k] * z[k]); // HFMA2.BF16 z*z + -0: one rounding
        bz[k] = bf16(Math.fma(Math.max(z[k], zz), z[k], 0.5));
        bout[2 * i + k] = SmallFloats.toBf16(bz[k]);
      }
      int both = x[0] > y[0] && x[1] > y[1] ? 1 : 0;
      int bl = z[0] < bz[0] && z[1] < bz[1] ? 1 : 0;
      int rz = (int) Fp64SpecialReference.trunc(x[0]); // __half2int_rz
      int rn = (int) Math.rint(y[1]); // __half2short_rn: |y| < 65504 fits a short
      int rd = (int) Math.floor(z[0]); // __bfloat162int_rd
      long ru = (long) Math.ceil(Math.abs(x[1])); // __half2uint_ru
      iout[i] = rz + rn + rd + both + bl + (int) ru;
    }
    d.put("out", out);
    d.put("bout", bout);
    d.put("iout", iout);
    return d.outputs();
  }

  /**
   * One lane of out: hmul2_sat(hsub2_sat(-relu_fma(x, y, m), x / (|y| + 1)), x &gt; y), plus
   * exp(x), plus sqrt(|y|).
   */
  static short outLane(double x, double y) {
    double nanMax = Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
    double mm = half(nanMax + Math.min(x, y));
    double r = Math.max(0.0, half(Math.fma(x, y, mm)));
    double dd = half(x / half(Math.abs(y) + 1.0));
    double s = half(-r - dd);
    s = Double.isNaN(s) ? 0.0 : Math.max(0.0, Math.min(1.0, s));
    double gt = x > y ? 1.0 : 0.0;
    double v = half(s * gt + half(Math.exp(x)));
    return SmallFloats.toHalf(v + half(Math.sqrt(Math.abs(y))));
  }

  private static double half(double v) {
    return SmallFloats.fromHalf(SmallFloats.toHalf(v));
  }

  private static double bf16(double v) {
    return SmallFloats.fromBf16(SmallFloats.toBf16(v));
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("out") ? OUT : Tolerance.EXACT;
  }
}
