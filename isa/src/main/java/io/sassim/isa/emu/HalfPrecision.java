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
