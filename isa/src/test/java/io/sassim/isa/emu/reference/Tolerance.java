package io.sassim.isa.emu.reference;

/**
 * How far an emulated floating-point element may be from the reference: accepted when
 * {@code |actual - expected| <= absolute + relative * |expected|}. {@link #EXACT} compares the
 * bytes.
 *
 * @param absolute absolute bound
 * @param relative bound relative to the expected magnitude
 * @param why one line saying where the difference comes from (operation order, MUFU precision)
 */
public record Tolerance(double absolute, double relative, String why) {

  public static final Tolerance EXACT = new Tolerance(0, 0, "bit-exact");

  public boolean isExact() {
    return absolute == 0 && relative == 0;
  }

  public boolean accepts(double expected, double actual) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    if (expected == actual) {
      return true;
    }
    return Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
  }
}
