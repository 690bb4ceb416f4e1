package io.sassim.isa.emu.reference;

import java.util.SplittableRandom;

/**
 * An error of the size a MUFU approximation makes, for the tests that check a tolerance covers
 * it. Like the hardware unit, it is a function of the operation's input: the same input always
 * gets the same error. {@link #NONE} leaves values alone; the references use it for their
 * expected outputs.
 *
 * @param ulps largest error in units in the last place of the result
 * @param absolute largest error as an absolute amount (for sin/cos/lg2, specified that way)
 * @param seed varies the pseudo-random errors between runs
 * @param coherent every result moved by the full {@code +ulps}/{@code +absolute}, a systematic bias
 */
record Noise(int ulps, double absolute, long seed, boolean coherent) {

  static final Noise NONE = new Noise(0, 0, 0, false);

  /** The result {@code v} of an approximated operation on {@code input}, with this error added. */
  float apply(float v, float input) {
    if (ulps == 0 && absolute == 0) {
      return v;
    }
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L
        + Float.floatToRawIntBits(input));
    double u = coherent ? 1 : rng.nextDouble(-1, 1);
    int k = coherent ? ulps : rng.nextInt(-ulps, ulps + 1);
    return (float) (v + k * (double) Math.ulp(v) + u * absolute);
  }
}
