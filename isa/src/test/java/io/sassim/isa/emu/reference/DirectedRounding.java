package io.sassim.isa.emu.reference;

import java.math.BigDecimal;

/**
 * IEEE rounding of an exactly known real value (a {@link BigDecimal}) to float or double in any
 * of the four PTX rounding modes. The _rz/_ru/_rd intrinsics round once from the exact result;
 * Java only rounds to nearest, so the exact value is built with BigDecimal and rounded here.
 */
final class DirectedRounding {
  private DirectedRounding() {}

  /** PTX rounding modifiers: nearest even, toward zero, toward +inf, toward -inf. */
  enum Mode { RN, RZ, RU, RD }

  static BigDecimal exact(double v) {
    return new BigDecimal(v);
  }

  /** {@code exact} rounded to a float in {@code mode}; it must lie within the finite range. */
  static float toFloat(BigDecimal exact, Mode mode) {
    return (float) round(exact, mode, true);
  }

  /** {@code exact} rounded to a double in {@code mode}; it must lie within the finite range. */
  static double toDouble(BigDecimal exact, Mode mode) {
    return round(exact, mode, false);
  }

  /**
   * {@code exact} rounded in {@code mode} onto the float grid ({@code toFloat}) or the double grid.
   * Every float is a double, so one search serves both; only the step and the parity differ.
   */
  private static double round(BigDecimal exact, Mode mode, boolean toFloat) {
    double lo = toFloat ? exact.floatValue() : exact.doubleValue();
    while (new BigDecimal(lo).compareTo(exact) > 0) {
      lo = toFloat ? Math.nextDown((float) lo) : Math.nextDown(lo);
    }
    while (new BigDecimal(up(lo, toFloat)).compareTo(exact) <= 0) {
      lo = up(lo, toFloat);
    }
    if (new BigDecimal(lo).compareTo(exact) == 0) {
      return lo;
    }
    double hi = up(lo, toFloat);
    return switch (mode) {
      case RD -> lo;
      case RU -> hi;
      case RZ -> exact.signum() > 0 ? lo : hi;
      case RN -> {
        int m = exact.subtract(new BigDecimal(lo)).compareTo(new BigDecimal(hi).subtract(exact));
        long bits = toFloat ? Float.floatToRawIntBits((float) lo) : Double.doubleToRawLongBits(lo);
        yield m < 0 ? lo : m > 0 ? hi : ((bits & 1) == 0 ? lo : hi);
      }
    };
  }

  /** The next value above {@code v} on the float or the double grid. */
  private static double up(double v, boolean toFloat) {
    return toFloat ? Math.nextUp((float) v) : Math.nextUp(v);
  }

  static float add(float x, float y, Mode mode) {
    return toFloat(exact(x).add(exact(y)), mode);
  }

  static float mul(float x, float y, Mode mode) {
    return toFloat(exact(x).multiply(exact(y)), mode);
  }

  static float fma(float x, float y, float z, Mode mode) {
    return toFloat(exact(x).multiply(exact(y)).add(exact(z)), mode);
  }

  static double add(double x, double y, Mode mode) {
    return toDouble(exact(x).add(exact(y)), mode);
  }

  static double mul(double x, double y, Mode mode) {
    return toDouble(exact(x).multiply(exact(y)), mode);
  }

  static double fma(double x, double y, double z, Mode mode) {
    return toDouble(exact(x).multiply(exact(y)).add(exact(z)), mode);
  }

  /**
   * {@code a * b} rounded toward zero, as FMUL.RZ does. The float product is exact in double, so
   * no BigDecimal is needed, and infinities and NaN pass through as the hardware gives them.
   */
  static float mulTowardZero(float a, float b) {
    double exact = (double) a * b;
    float f = (float) exact;
    if (Math.abs((double) f) > Math.abs(exact)) {
      f = Math.nextAfter(f, 0.0);
    }
    return f;
  }

  /** 1/x rounded toward zero (__frcp_rz), x finite and nonzero. */
  static float rcpTowardZero(float x) {
    float ax = Math.abs(x);
    BigDecimal bx = exact(ax);
    // The largest float f with f·|x| ≤ 1, tested exactly.
    float f = (float) (1.0 / ax);
    while (exact(f).multiply(bx).compareTo(BigDecimal.ONE) > 0) {
      f = Math.nextDown(f);
    }
    while (exact(Math.nextUp(f)).multiply(bx).compareTo(BigDecimal.ONE) <= 0) {
      f = Math.nextUp(f);
    }
    return x < 0 ? -f : f;
  }

  /** sqrt(x) rounded toward zero (__dsqrt_rz), x ≥ 0. */
  static double sqrtTowardZero(double x) {
    double s = Math.sqrt(x);
    // s is the nearest double; if s² > x, the exact root is below s.
    return Math.fma(s, s, -x) > 0 ? Math.nextDown(s) : s;
  }
}
