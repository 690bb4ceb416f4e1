package io.sassim.isa.emu.reference;

import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RD;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RN;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RU;
import static io.sassim.isa.emu.reference.DirectedRounding.Mode.RZ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Directed rounding against its definition: the neighbouring floats bracket the exact value. */
class DirectedRoundingTest {

  @Test
  void aTinyAddendMovesOnlyTheUpwardResult() {
    assertEquals(Math.nextUp(1f), DirectedRounding.add(1f, 0x1p-30f, RU));
    assertEquals(1f, DirectedRounding.add(1f, 0x1p-30f, RD));
    assertEquals(1f, DirectedRounding.add(1f, 0x1p-30f, RZ));
    assertEquals(1f, DirectedRounding.add(1f, 0x1p-30f, RN));
    assertEquals(-1f, DirectedRounding.add(-1f, -0x1p-30f, RZ));
    assertEquals(Math.nextDown(-1f), DirectedRounding.add(-1f, -0x1p-30f, RD));
    assertEquals(Math.nextUp(1.0), DirectedRounding.add(1.0, 0x1p-80, RU));
  }

  @Test
  void tiesGoToTheEvenNeighbourOnBothGrids() {
    BigDecimal one = BigDecimal.ONE;
    // 1 + 2^-24 is halfway between 1 and 1 + 2^-23 (odd): even is 1; 1 + 3·2^-24 goes up.
    assertEquals(1f, DirectedRounding.toFloat(one.add(new BigDecimal(0x1p-24)), RN));
    assertEquals(1 + 0x1p-22f, DirectedRounding.toFloat(one.add(new BigDecimal(0x3p-24)), RN));
    assertEquals(1.0, DirectedRounding.toDouble(one.add(new BigDecimal(0x1p-53)), RN));
    assertEquals(1 + 0x1p-51, DirectedRounding.toDouble(one.add(new BigDecimal(0x3p-53)), RN));
    // The same value on the two grids: the float steps are 2^29 double steps apart.
    BigDecimal v = one.add(new BigDecimal(0x1p-30));
    assertEquals(Math.nextUp(1f), DirectedRounding.toFloat(v, RU));
    assertEquals(Math.nextUp(1 + 0x1p-30),
        DirectedRounding.toDouble(v.add(new BigDecimal(0x1p-60)), RU));
    assertEquals(1 + 0x1p-30, DirectedRounding.toDouble(v, RU));
    assertEquals(-1f, DirectedRounding.toFloat(v.negate(), RZ));
  }

  @Test
  void roundedResultsBracketTheExactValue() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 2000; i++) {
      float x = (float) rng.nextDouble(-8, 8);
      float y = (float) rng.nextDouble(-8, 8);
      BigDecimal exact = new BigDecimal(x).multiply(new BigDecimal(y)).add(BigDecimal.ONE);
      float down = DirectedRounding.fma(x, y, 1f, RD);
      float up = DirectedRounding.fma(x, y, 1f, RU);
      assertTrue(new BigDecimal(down).compareTo(exact) <= 0);
      assertTrue(new BigDecimal(up).compareTo(exact) >= 0);
      assertTrue(up == down || up == Math.nextUp(down), x + " " + y);
      assertEquals(Math.fma(x, y, 1f), DirectedRounding.fma(x, y, 1f, RN)); // Java's fma is RN
      double dx = rng.nextDouble(-8, 8);
      double dy = rng.nextDouble(0.5, 8);
      assertEquals(dx * dy, DirectedRounding.mul(dx, dy, RN));
      double dz = DirectedRounding.mul(dx, dy, RZ);
      assertTrue(Math.abs(dz) <= Math.abs(dx * dy));
    }
  }

  @Test
  void reciprocalTowardZeroIsTheFloatBelowTheExactQuotient() {
    assertEquals(0.5f, DirectedRounding.rcpTowardZero(2f));
    float third = DirectedRounding.rcpTowardZero(3f);
    assertEquals(0x1.555554p-2f, third); // 1/3 = 0x1.5555555...p-2: toward zero drops the tail
    assertEquals(-third, DirectedRounding.rcpTowardZero(-3f));
    SplittableRandom rng = new SplittableRandom(13);
    for (int i = 0; i < 1000; i++) {
      float v = (float) rng.nextDouble(0.1, 100);
      float r = DirectedRounding.rcpTowardZero(v);
      assertTrue(new BigDecimal(r).multiply(new BigDecimal(v)).compareTo(BigDecimal.ONE) <= 0);
      assertTrue(new BigDecimal(Math.nextUp(r)).multiply(new BigDecimal(v))
          .compareTo(BigDecimal.ONE) > 0);
    }
  }

  @Test
  void squareRootTowardZeroNeverExceedsTheRoot() {
    assertEquals(3.0, DirectedRounding.sqrtTowardZero(9.0));
    SplittableRandom rng = new SplittableRandom(17);
    for (int i = 0; i < 1000; i++) {
      double v = rng.nextDouble(0.5, 8);
      double s = DirectedRounding.sqrtTowardZero(v);
      BigDecimal bv = new BigDecimal(v);
      assertTrue(new BigDecimal(s).pow(2).compareTo(bv) <= 0);
      assertTrue(new BigDecimal(Math.nextUp(s)).pow(2).compareTo(bv) > 0);
    }
  }

  @Test
  void productTowardZeroTruncatesAndMatchesTheExactRounding() {
    SplittableRandom rng = new SplittableRandom(2);
    int roundedApart = 0;
    for (int i = 0; i < 100_000; i++) {
      float a = (float) rng.nextDouble(-4, 4);
      float b = (float) rng.nextDouble(-4, 4);
      double exact = (double) a * b;
      float rz = DirectedRounding.mulTowardZero(a, b);
      if (Math.abs((double) rz) > Math.abs(exact) || Math.abs(exact - rz) >= Math.ulp(rz)) {
        fail(a + " * " + b + " gave " + rz);
      }
      if (i % 100 == 0) {
        assertEquals(DirectedRounding.mul(a, b, RZ), rz, a + " * " + b);
      }
      roundedApart += rz != a * b ? 1 : 0;
    }
    assertTrue(roundedApart > 30_000, "RZ and RN differ about half the time: " + roundedApart);
    assertEquals(Float.MAX_VALUE, DirectedRounding.mulTowardZero(0x1p100f, 0x1p100f)); // no inf
  }
}
