package io.sassim.isa.emu;

import io.sassim.isa.launch.HalfFloats;

/**
 * binary16 and bfloat16 conversions with correct rounding from double, for the FP16x2 and BF16x2
 * datapath and the F2F/F2FP conversions. Widening to float is exact for both.
 */
final class HalfPrecision {
  private HalfPrecision() {}

  static float f16ToFloat(int h) {
    return HalfFloats.fromF16((short) h);
  }

  static float bf16ToFloat(int h) {
    return Float.intBitsToFloat((h & 0xFFFF) << 16);
  }

  /** {@code v} rounded to binary16 in {@code mode}; returns the 16 bits. */
  static int toF16(double v, int mode) {
    if (Double.isNaN(v)) {
      return 0x7FFF;
    }
    int sign = v < 0 || (v == 0 && 1 / v < 0) ? 0x8000 : 0;
    double a = Math.abs(v);
    if (a == 0) {
      return sign;
    }
    // Scale so that the 11-bit significand (or the subnormal grid, step 2^-24) is integral.
    int exp = Math.getExponent(a);
    int shift = exp < -14 ? 24 : 10 - exp;
    double scaled = Math.scalb(a, shift);
    double rounded = roundIntegral(scaled, mode, sign != 0);
    double r = Math.scalb(rounded, -shift);
    if (r > 65504.0) {
      boolean toInf = mode == Rounding.RN || (mode == Rounding.RP && sign == 0) || (mode == Rounding.RM && sign != 0);
      return sign | (toInf ? 0x7C00 : 0x7BFF);
    }
    return sign | (HalfFloats.toF16((float) r) & 0x7FFF);
  }

  /** {@code v} rounded to bfloat16 in {@code mode}; returns the 16 bits. */
  static int toBf16(double v, int mode) {
    if (Double.isNaN(v)) {
      return 0x7FFF;
    }
    int sign = v < 0 || (v == 0 && 1 / v < 0) ? 0x8000 : 0;
    double a = Math.abs(v);
    if (a == 0) {
      return sign;
    }
    int exp = Math.getExponent(a);
    int shift = exp < -126 ? 133 : 7 - exp;
    double rounded = roundIntegral(Math.scalb(a, shift), mode, sign != 0);
    double r = Math.scalb(rounded, -shift);
    if (r > 3.3895313892515355E38) {
      boolean toInf = mode == Rounding.RN || (mode == Rounding.RP && sign == 0) || (mode == Rounding.RM && sign != 0);
      return sign | (toInf ? 0x7F80 : 0x7F7F);
    }
    return sign | (Float.floatToRawIntBits((float) r) >>> 16);
  }

  /**
   * {@code v} rounded to nearest-even FP8: E4M3 (bias 7, no infinities, max 448, NaN 0x7f) or
   * E5M2 (bias 15, max 57344). With {@code satfinite} overflow clamps to the largest finite
   * value; otherwise it gives infinity (E5M2) or NaN (E4M3).
   */
  static int toFp8(double v, boolean e4m3, boolean satfinite) {
    int expBits = e4m3 ? 4 : 5;
    int manBits = e4m3 ? 3 : 2;
    int bias = (1 << (expBits - 1)) - 1;
    double max = e4m3 ? 448.0 : 57344.0;
    int sign = v < 0 || (v == 0 && 1 / v < 0) ? 0x80 : 0;
    if (Double.isNaN(v)) {
      return 0x7F;
    }
    double a = Math.abs(v);
    int minExp = 1 - bias;
    if (a != 0 && !Double.isInfinite(a)) {
      int exp = Math.getExponent(a);
      int shift = exp < minExp ? manBits - minExp : manBits - exp;
      a = Math.scalb(Math.rint(Math.scalb(a, shift)), -shift);
    }
    if (a > max) {
      if (satfinite) {
        a = max;
      } else {
        return sign | (e4m3 ? 0x7F : 0x7C);
      }
    }
    if (a == 0) {
      return sign;
    }
    if (a < Math.scalb(1.0, minExp)) {
      return sign | (int) Math.scalb(a, manBits - minExp);
    }
    int e = Math.getExponent(a);
    int mant = (int) ((Math.scalb(a, -e) - 1) * (1 << manBits));
    return sign | (e + bias) << manBits | mant;
  }

  /** The value of an FP8 byte (exact in binary16). */
  static double fromFp8(int bits, boolean e4m3) {
    int manBits = e4m3 ? 3 : 2;
    int expBits = e4m3 ? 4 : 5;
    int bias = (1 << (expBits - 1)) - 1;
    int exp = (bits >>> manBits) & ((1 << expBits) - 1);
    int mant = bits & ((1 << manBits) - 1);
    double sign = (bits & 0x80) != 0 ? -1 : 1;
    if (e4m3 && exp == 15 && mant == 7) {
      return Double.NaN;
    }
    if (!e4m3 && exp == 31) {
      return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (exp == 0) {
      return sign * Math.scalb((double) mant, 1 - bias - manBits);
    }
    return sign * Math.scalb(1.0 + mant / (double) (1 << manBits), exp - bias);
  }

  /** Rounds a non-negative value to an integer in {@code mode} ({@code negative}: the sign it will get). */
  private static double roundIntegral(double x, int mode, boolean negative) {
    switch (mode) {
      case Rounding.RZ:
        return Math.floor(x);
      case Rounding.RM:
        return negative ? Math.ceil(x) : Math.floor(x);
      case Rounding.RP:
        return negative ? Math.floor(x) : Math.ceil(x);
      default:
        return Math.rint(x);
    }
  }
}
