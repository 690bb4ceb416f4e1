package io.sassim.isa.emu.reference;

/**
 * Roundings the references need that Java's float arithmetic lacks: one correct round-to-nearest-
 * even from an exact value to binary16 (HFMA2 rounds once, so going through float would round
 * twice), and float round-toward-zero (FMUL.RZ).
 */
final class Rounding {
  private Rounding() {}

  /**
   * binary16 bits of {@code hi + lo} rounded to nearest even, where {@code hi + lo} is exact and
   * {@code |lo| <= ulp(hi) / 2} (the output of {@link #twoSum}). The sign of {@code lo} decides a
   * value that {@code hi} alone puts exactly halfway between two halves.
   */
  static short toF16(double hi, double lo) {
    if (Double.isNaN(hi)) {
      return (short) 0x7E00;
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

  /** binary16 bits of the exactly-representable-in-double {@code v}, rounded once. */
  static short toF16(double v) {
    return toF16(v, 0);
  }

  /** Knuth's TwoSum: {@code [s, e]} with {@code s = fl(a + b)} and {@code s + e == a + b} exactly. */
  static double[] twoSum(double a, double b) {
    double s = a + b;
    double bv = s - a;
    double av = s - bv;
    return new double[] {s, (a - av) + (b - bv)};
  }

  /** {@code a * b} rounded toward zero, as FMUL.RZ does (the float product is exact in double). */
  static float mulRz(float a, float b) {
    double exact = (double) a * b;
    float f = (float) exact;
    if (Math.abs((double) f) > Math.abs(exact)) {
      f = Math.nextAfter(f, 0.0);
    }
    return f;
  }
}
