package io.sassim.isa.emu;

import io.sassim.isa.sass.Instruction;
import java.math.BigDecimal;

/**
 * IEEE rounding to binary32 and binary64 in the four modes SASS names, from an exact value held
 * as an unevaluated sum {@code hi + lo} (hi the nearest double). Java rounds only to nearest; the
 * directed modes are needed by the division and square-root slow paths and by conversions.
 */
final class Rounding {
  static final int RN = 0;
  static final int RZ = 1;
  static final int RM = 2;
  static final int RP = 3;

  static final int CANONICAL_NAN = 0x7FFFFFFF;

  private Rounding() {}

  /** The rounding mode an instruction's modifiers name; round to nearest when none does. */
  static int mode(Instruction in) {
    if (in.hasModifier("RZ") || in.hasModifier("TRUNC")) {
      return RZ;
    }
    if (in.hasModifier("RM") || in.hasModifier("FLOOR")) {
      return RM;
    }
    if (in.hasModifier("RP") || in.hasModifier("CEIL")) {
      return RP;
    }
    return RN;
  }

  /** {@code hi + lo} rounded to binary32 in {@code mode}; hi is the double nearest the value. */
  static float toFloat(double hi, double lo, int mode) {
    float f = (float) hi;
    if (Double.isNaN(hi) || Double.isInfinite(hi) && lo == 0) {
      return f;
    }
    double d1 = (double) f - hi; // exact: f and hi are neighbours
    if (d1 == 0 && lo == 0) {
      return f;
    }
    // Sign of f - exact.
    int above = Double.compare(d1, lo) > 0 ? 1 : (d1 == lo ? 0 : -1);
    if (Float.isInfinite(f)) {
      above = f > 0 ? 1 : -1;
    }
    switch (mode) {
      case RZ:
        if (above > 0 && hi + lo > 0 || above < 0 && hi + lo < 0) {
          return f > 0 ? Math.nextDown(f) : Math.nextUp(f);
        }
        return f;
      case RM:
        return above > 0 ? Math.nextDown(f) : f;
      case RP:
        return above < 0 ? Math.nextUp(f) : f;
      default:
        if (lo != 0 && d1 != 0) {
          float g = d1 > 0 ? Math.nextDown(f) : Math.nextUp(f);
          if ((double) g - hi == -d1 && Math.signum(lo) == -Math.signum(d1)) {
            return g; // hi sat exactly between two floats; lo breaks the tie
          }
        }
        return f;
    }
  }

  /** {@code hi + lo} rounded to binary64 in {@code mode}; hi must be RN of the exact value. */
  static double toDouble(double hi, double lo, int mode) {
    if (lo == 0 || mode == RN || Double.isNaN(hi)) {
      return hi;
    }
    switch (mode) {
      case RZ:
        if (hi > 0 && lo < 0) {
          return Math.nextDown(hi);
        }
        if (hi < 0 && lo > 0) {
          return Math.nextUp(hi);
        }
        return hi;
      case RM:
        return lo < 0 ? Math.nextDown(hi) : hi;
      default:
        return lo > 0 ? Math.nextUp(hi) : hi;
    }
  }

  /** The rounding error of {@code a + b = s} (Knuth's TwoSum); exact. */
  static double twoSumError(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
  }

  /** {@code a × b + c} rounded once to binary64 in {@code mode}. */
  static double fma(double a, double b, double c, int mode) {
    double r = Math.fma(a, b, c);
    if (mode == RN || Double.isNaN(r) || Double.isInfinite(r) || Double.isInfinite(a)
        || Double.isInfinite(b) || Double.isInfinite(c)) {
      return r;
    }
    BigDecimal exact = new BigDecimal(a).multiply(new BigDecimal(b)).add(new BigDecimal(c));
    int cmp = exact.compareTo(new BigDecimal(r));
    return toDouble(r, cmp == 0 ? 0 : cmp > 0 ? Double.MIN_VALUE : -Double.MIN_VALUE, mode);
  }

  /** An exact value rounded to binary32 in {@code mode}. */
  static float toFloat(BigDecimal exact, int mode) {
    double hi = exact.doubleValue();
    double lo = exact.subtract(new BigDecimal(hi)).doubleValue();
    return toFloat(hi, lo, mode);
  }

  /** An exact value rounded to binary64 in {@code mode}. */
  static double toDouble(BigDecimal exact, int mode) {
    double hi = exact.doubleValue();
    int cmp = exact.compareTo(new BigDecimal(hi));
    return toDouble(hi, cmp == 0 ? 0 : cmp > 0 ? Double.MIN_VALUE : -Double.MIN_VALUE, mode);
  }

  /** Subnormal binary32 values become zero of the same sign (.FTZ). */
  static float flush(float x) {
    return Math.abs(x) < Float.MIN_NORMAL ? Math.copySign(0f, x) : x;
  }

  /** The bits of an FP32 result, NaN made canonical. */
  static int bits(float x) {
    return x != x ? CANONICAL_NAN : Float.floatToRawIntBits(x);
  }
}
