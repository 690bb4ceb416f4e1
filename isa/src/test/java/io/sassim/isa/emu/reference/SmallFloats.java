package io.sassim.isa.emu.reference;

/**
 * Conversions to the narrow float formats (binary16, bfloat16, fp8 e4m3 and e5m2) from a double,
 * rounding once to nearest even, with the PTX saturation rules. Rounding from a double is what the
 * .f64 cvt forms do; from a float it is exact to widen first, so the same code serves both.
 */
final class SmallFloats {
  private SmallFloats() {}

  /** Largest finite e4m3 value (S.1111.110); S.1111.111 is NaN and there is no infinity. */
  static final double E4M3_MAX = 448.0;
  /** Largest finite e5m2 value (S.11110.11). */
  static final double E5M2_MAX = 57344.0;
  static final double HALF_MAX = 65504.0;

  /**
   * {@code v} rounded to nearest even on the grid of a format with {@code fractionBits} stored
   * fraction bits and smallest normal exponent {@code emin} (subnormals below it), with no upper
   * bound: callers apply overflow.
   */
  static double round(double v, int fractionBits, int emin) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double a = Math.abs(v);
    int e = Math.max(Math.getExponent(a), emin);
    double quantum = Math.scalb(1.0, e - fractionBits);
    return Math.copySign(Math.rint(a / quantum) * quantum, v); // scaling by 2^k is exact
  }

  /** IEEE-style bits of {@code r}, which must already be on the format's grid (or infinite). */
  static int encode(double r, int expBits, int fractionBits) {
    int sign = (Double.doubleToRawLongBits(r) < 0) ? 1 << (expBits + fractionBits) : 0;
    double a = Math.abs(r);
    int bias = (1 << (expBits - 1)) - 1;
    int emin = 1 - bias;
    if (a == 0) {
      return sign;
    }
    if (Double.isInfinite(a)) {
      return sign | (((1 << expBits) - 1) << fractionBits);
    }
    int e = Math.getExponent(a);
    if (e < emin) {
      return sign | (int) (a / Math.scalb(1.0, emin - fractionBits));
    }
    int fraction = (int) (a / Math.scalb(1.0, e - fractionBits)) - (1 << fractionBits);
    return sign | ((e + bias) << fractionBits) | fraction;
  }

  /** cvt.rn.f16.f64 / cvt.rn.f16.f32: overflow gives ±inf, NaN the canonical 0x7FFF. */
  static short toHalf(double v) {
    if (Double.isNaN(v)) {
      return 0x7FFF;
    }
    double r = round(v, 10, -14);
    if (Math.abs(r) > HALF_MAX) {
      r = Math.copySign(Double.POSITIVE_INFINITY, v);
    }
    return (short) encode(r, 5, 10);
  }

  /**
   * binary16 bits of {@code hi + lo} rounded once to nearest even, where {@code hi + lo} is exact
   * and {@code |lo| <= ulp(hi) / 2} (the output of {@link #twoSum}): HFMA2 rounds once, so going
   * through a double sum would round twice. The sign of {@code lo} decides a value that {@code hi}
   * alone puts exactly halfway between two halves. Overflow gives ±inf, NaN the canonical 0x7FFF.
   */
  static short toHalf(double hi, double lo) {
    if (Double.isNaN(hi)) {
      return 0x7FFF;
    }
    int sign = (Double.doubleToRawLongBits(hi) < 0) ? 0x8000 : 0;
    double a = Math.abs(hi);
    double l = sign != 0 ? -lo : lo; // the tail in the direction of |hi|
    // Scale so that one unit in the last place of the result is 1.0; then round to an integer.
    int exp = a < 0x1p-14 ? -14 : Math.getExponent(a);
    double scaled = Math.scalb(a, 10 - exp); // exact: a power-of-two scale
    double tail = Math.scalb(l, 10 - exp);
    double floor = Math.floor(scaled);
    double frac = scaled - floor;
    long q = (long) floor;
    if (frac > 0.5 || (frac == 0.5 && (tail > 0 || (tail == 0 && (q & 1) != 0)))) {
      q++;
    }
    // q is the significand in units of 2^(exp-10); renormalise a carry into the next binade.
    int e = exp;
    if (q >= 2048) {
      q >>= 1;
      e++;
    }
    if (q < 1024) {
      return (short) (sign | (int) q); // subnormal (exp == -14); q == 1024 falls through as normal
    }
    int biased = e + 15;
    if (biased >= 31) {
      return (short) (sign | 0x7C00);
    }
    return (short) (sign | (biased << 10) | ((int) q - 1024));
  }

  /** Knuth's TwoSum: {@code [s, e]} with {@code s = fl(a + b)} and {@code s + e == a + b} exactly. */
  static double[] twoSum(double a, double b) {
    double s = a + b;
    double bv = s - a;
    double av = s - bv;
    return new double[] {s, (a - av) + (b - bv)};
  }

  /** cvt.rn.bf16.f64: overflow gives ±inf, NaN the canonical 0x7FFF. */
  static short toBf16(double v) {
    if (Double.isNaN(v)) {
      return 0x7FFF;
    }
    double r = round(v, 7, -126);
    if (Math.abs(r) > 0x1.FEp127) {
      r = Math.copySign(Double.POSITIVE_INFINITY, v);
    }
    return (short) encode(r, 8, 7);
  }

  /** cvt.rn.satfinite.e4m3: ±inf and values rounding past 448 give ±448; NaN gives 0x7F. */
  static int toE4m3SatFinite(double v) {
    if (Double.isNaN(v)) {
      return 0x7F;
    }
    double r = round(v, 3, -6);
    if (Math.abs(r) > E4M3_MAX) {
      r = Math.copySign(E4M3_MAX, v);
    }
    return encode(r, 4, 3);
  }

  /** cvt.rn.satfinite.e5m2: ±inf and values rounding past 57344 give ±57344; NaN gives 0x7F. */
  static int toE5m2SatFinite(double v) {
    if (Double.isNaN(v)) {
      return 0x7F;
    }
    double r = round(v, 2, -14);
    if (Math.abs(r) > E5M2_MAX) {
      r = Math.copySign(E5M2_MAX, v);
    }
    return encode(r, 5, 2);
  }

  /**
   * e5m2 without saturation (cuda_fp8.hpp's __NV_NOSAT software path, an IEEE conversion): values
   * rounding past 57344 give ±inf, NaN gives 0x7F.
   */
  static int toE5m2(double v) {
    if (Double.isNaN(v)) {
      return 0x7F;
    }
    double r = round(v, 2, -14);
    if (Math.abs(r) > E5M2_MAX) {
      r = Math.copySign(Double.POSITIVE_INFINITY, v);
    }
    return encode(r, 5, 2);
  }

  /** The value of e4m3 bits {@code b} (low 8 bits). */
  static double fromE4m3(int b) {
    int e = (b >>> 3) & 0xF;
    int m = b & 7;
    double mag;
    if (e == 0xF && m == 7) {
      mag = Double.NaN;
    } else if (e == 0) {
      mag = Math.scalb((double) m, -9);
    } else {
      mag = Math.scalb(8.0 + m, e - 7 - 3);
    }
    return (b & 0x80) != 0 ? -mag : mag;
  }

  /** The value of e5m2 bits {@code b}: the top byte of a binary16. */
  static double fromE5m2(int b) {
    return io.sassim.isa.launch.HalfFloats.fromF16((short) ((b & 0xFF) << 8));
  }

  /** binary16 bits → double (exact). */
  static double fromHalf(short h) {
    return io.sassim.isa.launch.HalfFloats.fromF16(h);
  }

  /** bfloat16 bits → double (exact). */
  static double fromBf16(short b) {
    return io.sassim.isa.launch.HalfFloats.fromBf16(b);
  }
}
