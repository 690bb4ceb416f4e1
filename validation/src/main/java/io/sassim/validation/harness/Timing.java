package io.sassim.validation.harness;

import java.util.Arrays;
import java.util.List;

/** Turns event timings into the numbers a validation report compares. */
final class Timing {
  private Timing() {}

  /** Median of the samples (mean of the middle two for an even count); NaN when empty. */
  static double median(List<Double> samples) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** SM cycles elapsed in {@code ms} milliseconds at {@code mhz}: ms · 10⁻³ s · mhz · 10⁶ /s. */
  static long cycles(double ms, double mhz) {
    return Math.round(ms * mhz * 1000.0);
  }

  /** SM clock from a clock64 delta and a %globaltimer delta over the same interval. */
  static double mhz(long cycles, long nanoseconds) {
    return cycles * 1000.0 / nanoseconds;
  }
}
