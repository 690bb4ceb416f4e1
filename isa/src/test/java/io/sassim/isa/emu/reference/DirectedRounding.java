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
    float lo = exact.floatValue();
    while (new BigDecimal(lo).compareTo(exact) > 0) {
      lo = Math.nextDown(lo);
    }
    while (new BigDecimal(Math.nextUp(lo)).compareTo(exact) <= 0) {
      lo = Math.nextUp(lo);
    }
    int c = new BigDecimal(lo).compareTo(exact);
    if (c == 0) {
      return lo;
    }
    float hi = Math.nextUp(lo);
    return switch (mode) {
      case RD -> lo;
      case RU -> hi;
      case RZ -> exact.signum() > 0 ? lo : hi;
      case RN -> {
        int m = exact.subtract(new BigDecimal(lo)).compareTo(new BigDecimal(hi).subtract(exact));
        yield m < 0 ? lo : m > 0 ? hi : ((Float.floatToRawIntBits(lo) & 1) == 0 ? lo : hi);
      }
    };
  }

  /** {@code exact} rounded to a double in {@code mode}; it must lie within the finite range. */
  static double toDouble(BigDecimal exact, Mode mode) {
    double lo = exact.doubleValue();
    while (new BigDecimal(lo).compareTo(exact) > 0) {
      lo = Math.nextDown(lo);
    }
    while (new BigDecimal(Math.nextUp(lo)).compareTo(exact) <= 0) {
      lo = Math.nextUp(lo);
    }
    if (new BigDecimal(lo).compareTo(exact) == 0) {
      return lo;
    }
    double hi = Math.nextUp(lo);
    return switch (mode) {
      case RD -> lo;
      case RU -> hi;
      case RZ -> exact.signum() > 0 ? lo : hi;
      case RN -> {
        int m = exact.subtract(new BigDecimal(lo)).compareTo(new BigDecimal(hi).subtract(exact));
        yield m < 0 ? lo : m > 0 ? hi : ((Double.doubleToRawLongBits(lo) & 1) == 0 ? lo : hi);
      }
    };
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
