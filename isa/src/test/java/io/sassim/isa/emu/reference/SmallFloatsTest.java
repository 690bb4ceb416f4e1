package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.HalfFloats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The narrow-float encoders against the PTX ISA / OCP FP8 tables and an independent encoder. */
class SmallFloatsTest {

  @Test
  void e4m3MatchesTheFormatTable() {
    assertEquals(0x38, SmallFloats.toE4m3SatFinite(1.0)); // exponent 7 = bias, fraction 0
    assertEquals(0x7E, SmallFloats.toE4m3SatFinite(448.0)); // max normal S.1111.110
    assertEquals(448.0, SmallFloats.fromE4m3(0x7E));
    assertTrue(Double.isNaN(SmallFloats.fromE4m3(0x7F))); // S.1111.111 is NaN, no infinity
    assertEquals(0x01, SmallFloats.toE4m3SatFinite(0x1p-9)); // smallest subnormal 2^-9
    assertEquals(0x1p-9, SmallFloats.fromE4m3(0x01));
    assertEquals(0x08, SmallFloats.toE4m3SatFinite(0x1p-6)); // smallest normal 2^-6
    assertEquals(0xB8, SmallFloats.toE4m3SatFinite(-1.0));
  }

  @Test
  void e4m3SatfiniteClampsAndRoundsHalfwayToEven() {
    assertEquals(0x7E, SmallFloats.toE4m3SatFinite(464.0)); // halfway 448/480: even is 448
    assertEquals(0x7E, SmallFloats.toE4m3SatFinite(470.0)); // rounds to 480 (NaN code): clamped
    assertEquals(0x7E, SmallFloats.toE4m3SatFinite(1e30));
    assertEquals(0xFE, SmallFloats.toE4m3SatFinite(Double.NEGATIVE_INFINITY));
    assertEquals(0x7F, SmallFloats.toE4m3SatFinite(Double.NaN));
    assertEquals(0x00, SmallFloats.toE4m3SatFinite(0x1p-10)); // half the smallest: to even 0
    assertEquals(0x02, SmallFloats.toE4m3SatFinite(0x1.8p-9)); // 1.5 subnormal steps: to even 2
    assertEquals(0x3C, SmallFloats.toE4m3SatFinite(1.5 + 1.0 / 32)); // 1.5 + quarter ulp: down
  }

  @Test
  void e5m2SaturatesOnlyWithSatfinite() {
    assertEquals(0x3C, SmallFloats.toE5m2(1.0));
    assertEquals(0x7B, SmallFloats.toE5m2(57344.0)); // max normal S.11110.11
    assertEquals(0x7B, SmallFloats.toE5m2(60000.0)); // below the 61440 midpoint
    assertEquals(0x7C, SmallFloats.toE5m2(61440.0)); // midpoint, odd 57344 loses: infinity
    assertEquals(0xFC, SmallFloats.toE5m2(-1e6));
    assertEquals(0x7B, SmallFloats.toE5m2SatFinite(1e6));
    assertEquals(0xFB, SmallFloats.toE5m2SatFinite(Double.NEGATIVE_INFINITY));
    assertEquals(0x01, SmallFloats.toE5m2(0x1p-16)); // smallest subnormal
  }

  @Test
  void everyFiniteFp8CodeRoundTrips() {
    for (int b = 0; b < 256; b++) {
      double v = SmallFloats.fromE4m3(b);
      if (!Double.isNaN(v) && v != 0) {
        assertEquals(b, SmallFloats.toE4m3SatFinite(v), "e4m3 " + b);
      }
      double w = SmallFloats.fromE5m2(b);
      if (Double.isFinite(w) && w != 0) {
        assertEquals(b, SmallFloats.toE5m2SatFinite(w), "e5m2 " + b);
      }
    }
  }

  @Test
  void halfAndBf16AgreeWithTheLaunchPackageEncodersOnFloats() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 20000; i++) {
      float f = Float.intBitsToFloat(rng.nextInt());
      if (Float.isNaN(f)) {
        continue;
      }
      assertEquals(HalfFloats.toF16(f), SmallFloats.toHalf(f), Float.toString(f));
      assertEquals(HalfFloats.toBf16(f), SmallFloats.toBf16(f), Float.toString(f));
    }
  }

  @Test
  void doubleToHalfRoundsOnceNotViaFloat() {
    // 1 + 2^-11 + 2^-40: just above the half midpoint; via float it would tie and go to 1.0.
    double v = 1 + 0x1p-11 + 0x1p-40;
    assertEquals(0x3C00, HalfFloats.toF16((float) v));
    assertEquals(0x3C01, SmallFloats.toHalf(v));
    assertEquals(0x7C00, SmallFloats.toHalf(65520.0)); // halfway past 65504 rounds to infinity
    assertEquals(0x7BFF, SmallFloats.toHalf(65519.0));
  }

  @Test
  void halfOfAnExactPairLetsTheTailDecideATie() {
    // hi alone is the tie between 1 and 1 + 2^-10; lo says which side the exact value is on.
    assertEquals((short) 0x3C01, SmallFloats.toHalf(1 + 0x1p-11, 0x1p-60));
    assertEquals((short) 0x3C00, SmallFloats.toHalf(1 + 0x1p-11, -0x1p-60));
    assertEquals((short) 0x3C00, SmallFloats.toHalf(1 + 0x1p-11, 0)); // a true tie: to even
    assertEquals((short) 0xBC01, SmallFloats.toHalf(-(1 + 0x1p-11), -0x1p-60));
    assertEquals((short) 0x0001, SmallFloats.toHalf(0x1p-24 * 0.75, 0)); // subnormal, rounds up
    assertEquals((short) 0x0000, SmallFloats.toHalf(0x1p-25, 0)); // a subnormal tie: to even 0
    assertEquals((short) 0x7C00, SmallFloats.toHalf(65520.0, 0));
    assertEquals((short) 0x7FFF, SmallFloats.toHalf(Double.NaN, 0));
    double[] s = SmallFloats.twoSum(1.0, 0x1p-60);
    assertEquals(1.0, s[0]);
    assertEquals(0x1p-60, s[1]);
  }

  @Test
  void halfOfAPairWithNoTailIsTheHalfOfItsHead() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      // Exponents from deep subnormal to overflow, random significands, both signs.
      double v = Math.scalb(rng.nextDouble(1, 2) * (rng.nextBoolean() ? 1 : -1),
          rng.nextInt(-30, 18));
      assertEquals(SmallFloats.toHalf(v), SmallFloats.toHalf(v, 0), Double.toString(v));
    }
  }

  @Test
  void fp8AgreesWithABitLevelEncoderOnRandomDoubles() {
    SplittableRandom rng = new SplittableRandom(23);
    for (int i = 0; i < 50000; i++) {
      // Magnitudes from far below the subnormals to past the largest finite values.
      double v = Math.scalb(rng.nextDouble(1, 2), rng.nextInt(-22, 18));
      v = rng.nextBoolean() ? v : -v;
      int e4 = bitLevel(v, 4, 3, 7);
      if ((e4 & 0x7F) >= 0x7F) {
        e4 = (e4 & 0x80) | 0x7E; // past 448 (0x7F is NaN): satfinite
      }
      assertEquals(e4, SmallFloats.toE4m3SatFinite(v), Double.toString(v));
      int e5 = bitLevel(v, 5, 2, 15);
      if ((e5 & 0x7F) > 0x7C) {
        e5 = (e5 & 0x80) | 0x7C; // past the largest finite: infinity without saturation
      }
      assertEquals(e5, SmallFloats.toE5m2(v), Double.toString(v));
    }
  }

  /**
   * Round-to-nearest-even on the raw bits: keep the top fraction bits of the (possibly
   * denormalised) significand and round on the discarded ones. No overflow handling: the result
   * may run past the largest code, which the caller clamps.
   */
  private static int bitLevel(double v, int expBits, int fractionBits, int bias) {
    long bits = Double.doubleToRawLongBits(v);
    int sign = bits < 0 ? 1 << (expBits + fractionBits) : 0;
    int e = (int) ((bits >>> 52) & 0x7FF) - 1023 + bias; // biased target exponent
    long sig = (bits & ((1L << 52) - 1)) | (1L << 52); // 53 bits with the hidden one
    int shift = 52 - fractionBits; // bits dropped for a normal result
    if (e < 1) {
      shift += 1 - e; // subnormal: the target exponent field is 0, drop more bits
      e = 0;
    }
    if (shift > 62) {
      return sign;
    }
    long kept = sig >>> shift;
    long rest = sig & ((1L << shift) - 1);
    long half = 1L << (shift - 1);
    if (rest > half || (rest == half && (kept & 1) == 1)) {
      kept++;
    }
    // kept holds the hidden bit for normals; adding the exponent field carries correctly.
    long code = e == 0 ? kept : ((long) (e - 1) << fractionBits) + kept;
    return sign | (int) Math.min(code, (1L << (expBits + fractionBits)) - 1);
  }
}
