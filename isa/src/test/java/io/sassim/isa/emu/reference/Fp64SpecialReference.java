package io.sassim.isa.emu.reference;

import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RD;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RU;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RZ;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * fp64_special.cu: IEEE double sqrt, division and reciprocal (correctly rounded on the GPU too),
 * directed-rounding add/mul/fma, and cvt between f64, f32, f16, bf16, s8, u64 and s64, summed in
 * source order. out holds one approximation, rsqrt (MUFU.RSQ64H and a Newton step, within about
 * an ulp): its last-bit differences may shift the roundings of the later sums.
 *
 * <p>packed is exact, and follows the committed binaries rather than the source's intent: the
 * inline asm for s8 writes a 16-bit register through a short* into a one-byte char, and ptxas
 * (all four targets) drops that cvt.rni.sat.s8.f64 and packs nothing above the half, so bits
 * 16-23 are 0. Only the y·40 conversion (s8w, F2I.S8.F64.TRUNC) is in the listing.
 */
final class Fp64SpecialReference implements WorkloadReference {

  static final Tolerance OUT = new Tolerance(1e-13, 4e-15,
      "rsqrt(double) is ~1 ulp (MUFU.RSQ64H + Newton); it shifts <=8 later DADD roundings");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "fp64_special");
    d.require1d();
    double[] a = d.doubles("a");
    double[] b = d.doubles("b");
    double[] out = d.doubles("out");
    int[] packed = d.ints("packed");
    int m = d.guardedCount("n", "a", "b", "out", "packed");
    for (int i = 0; i < m; i++) {
      double x = a[i];
      double y = b[i];
      out[i] = out(x, y);
      packed[i] = packed(x);
    }
    d.put("out", out);
    d.put("packed", packed);
    return d.outputs();
  }

  static double out(double x, double y) {
    double s = Math.sqrt(Math.abs(x)) + 1.0 / Math.sqrt(Math.abs(y) + 1.0) + x / y + 1.0 / y
        + DirectedRounding.sqrtTowardZero(Math.abs(y));
    s += DirectedRounding.add(x, y, RU) + DirectedRounding.mul(x, y, RD)
        + DirectedRounding.fma(x, y, 0.5, RZ) + fmin(x, y) + fmax(x, y) + trunc(x);
    float f = DirectedRounding.toFloat(DirectedRounding.exact(x), RZ);
    short h = SmallFloats.toHalf(y);
    short bf = SmallFloats.toBf16(x);
    int s8w = saturateS8(trunc(y * 40.0));
    long u = (long) Math.ceil(Math.abs(x) * 1e6); // below 2^53: exact in both directions
    long sl = (long) Math.floor(y * 1e6);
    double back = (double) u + (double) sl + (double) f;
    float hf = (float) SmallFloats.fromHalf(h) + (float) SmallFloats.fromBf16(bf);
    return s + back + hf + (double) s8w + (double) ilogb(x + 2.0);
  }

  /** The listing stores F2F.F16.F64 of x alone: see the class comment for the missing s8. */
  static int packed(double x) {
    return SmallFloats.toHalf(x) & 0xFFFF;
  }

  /** .sat to s8: clamp to [-128, 127], NaN to 0. */
  static int saturateS8(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    return (int) Math.max(-128, Math.min(127, v));
  }

  static double trunc(double v) {
    return v < 0 ? Math.ceil(v) : Math.floor(v);
  }

  /** fmin: a NaN operand yields the other; -0 orders below +0 (DSETP.MIN). */
  static double fmin(double x, double y) {
    return Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.min(x, y);
  }

  static double fmax(double x, double y) {
    return Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.max(x, y);
  }

  /** ilogb: the unbiased exponent; INT_MIN for 0 and NaN, INT_MAX for infinity (CUDA's values). */
  static int ilogb(double v) {
    if (v == 0 || Double.isNaN(v)) {
      return Integer.MIN_VALUE;
    }
    if (Double.isInfinite(v)) {
      return Integer.MAX_VALUE;
    }
    int e = Math.getExponent(v);
    return e == Double.MIN_EXPONENT - 1 ? Math.getExponent(v * 0x1p54) - 54 : e;
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("out") ? OUT : Tolerance.EXACT;
  }
}
