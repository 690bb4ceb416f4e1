package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.launch.HalfFloats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundingTest {

  @Test
  void f16FromAFloatAgreesWithTheLaunchSpecConversion() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      // Exponents from deep subnormal to overflow, random significands, both signs.
      float f = (float) Math.scalb(rng.nextDouble(1, 2) * (rng.nextBoolean() ? 1 : -1),
          rng.nextInt(-30, 18));
      if (HalfFloats.toF16(f) != Rounding.toF16(f)) {
        fail(Float.toString(f));
      }
    }
    assertEquals((short) 0x7C00, Rounding.toF16(65520.0)); // halfway to 2^16 rounds to even: inf
    assertEquals((short) 0x7BFF, Rounding.toF16(65519.99));
    assertEquals((short) 0x0001, Rounding.toF16(0x1p-24 * 0.75));
    assertEquals((short) 0x0000, Rounding.toF16(0x1p-25)); // a tie to even: zero
  }

  @Test
  void f16RoundsOnceWhereGoingThroughFloatWouldRoundTwice() {
    // 1 + 2^-11 + 2^-40: above the halfway point between 1 and 1 + 2^-10, so it rounds up; float
    // would first drop the 2^-40 and leave a tie that rounds to even (down).
    double v = 1 + 0x1p-11 + 0x1p-40;
    assertEquals((short) 0x3C00, HalfFloats.toF16((float) v));
    assertEquals((short) 0x3C01, Rounding.toF16(v));
    // The same through TwoSum's tail: hi is the tie, lo decides.
    assertEquals((short) 0x3C01, Rounding.toF16(1 + 0x1p-11, 0x1p-60));
    assertEquals((short) 0x3C00, Rounding.toF16(1 + 0x1p-11, -0x1p-60));
    assertEquals((short) 0x3C00, Rounding.toF16(1 + 0x1p-11, 0)); // tie to even
    assertEquals((short) 0xBC01, Rounding.toF16(-(1 + 0x1p-11), -0x1p-60));
  }

  @Test
  void twoSumIsExact() {
    double[] s = Rounding.twoSum(1.0, 0x1p-60);
    assertEquals(1.0, s[0]);
    assertEquals(0x1p-60, s[1]);
  }

  @Test
  void mulRzTruncatesTowardZero() {
    SplittableRandom rng = new SplittableRandom(2);
    int roundedApart = 0;
    for (int i = 0; i < 100_000; i++) {
      float a = (float) rng.nextDouble(-4, 4);
      float b = (float) rng.nextDouble(-4, 4);
      double exact = (double) a * b;
      float rz = Rounding.mulRz(a, b);
      if (Math.abs((double) rz) > Math.abs(exact) || Math.abs(exact - rz) >= Math.ulp(rz)) {
        fail(a + " * " + b + " gave " + rz);
      }
      roundedApart += rz != a * b ? 1 : 0;
    }
    assertTrue(roundedApart > 30_000, "RZ and RN should differ about half the time: " + roundedApart);
  }
}
