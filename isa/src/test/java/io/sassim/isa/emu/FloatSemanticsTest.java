package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.HalfFloats;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Floating-point instructions (sass-semantics.md §1.12, §2): directed rounding against exact
 * BigDecimal arithmetic, NaN and signed-zero rules, conversions, FP16x2 immediates and lanes.
 */
class FloatSemanticsTest {
  private static final SplittableRandom RANDOM = new SplittableRandom(7);

  private static int bits(float f) {
    return Float.floatToRawIntBits(f);
  }

  /** An exact value rounded to binary32 by mode 'Z', 'M' or 'P', by search over neighbours. */
  private static float round(BigDecimal exact, char mode) {
    float f = exact.floatValue();
    // Step to the float just below or at the value, then pick by mode.
    while (new BigDecimal(f).compareTo(exact) > 0) {
      f = Math.nextDown(f);
    }
    while (new BigDecimal(Math.nextUp(f)).compareTo(exact) <= 0) {
      f = Math.nextUp(f);
    }
    boolean exactHit = new BigDecimal(f).compareTo(exact) == 0;
    float down = f;
    float up = exactHit ? f : Math.nextUp(f);
    return switch (mode) {
      case 'M' -> down;
      case 'P' -> up;
      default -> exact.signum() >= 0 ? down : up;
    };
  }

  private static float randomFloat() {
    return (float) ((RANDOM.nextDouble() - 0.5) * Math.pow(2, RANDOM.nextInt(-20, 20)));
  }

  @Test
  void directedRoundingOfAddMultiplyAndFma() throws Exception {
    for (int i = 0; i < 300; i++) {
      float a = randomFloat();
      float b = randomFloat();
      float c = randomFloat();
      WarpHarness h = new WarpHarness(
          "FADD.RZ R8, R4, R5",
          "FMUL.RM R9, R4, R5",
          "FFMA.RP R10, R4, R5, R6",
          "FFMA.RZ R11, R4, R5, R6",
          "FFMA R12, R4, R5, R6")
          .set(4, bits(a)).set(5, bits(b)).set(6, bits(c)).run();
      BigDecimal x = new BigDecimal(a);
      BigDecimal y = new BigDecimal(b);
      BigDecimal z = new BigDecimal(c);
      assertEquals(round(x.add(y), 'Z'), Float.intBitsToFloat(h.r(8)), a + " + " + b);
      assertEquals(round(x.multiply(y), 'M'), Float.intBitsToFloat(h.r(9)), a + " * " + b);
      assertEquals(round(x.multiply(y).add(z), 'P'), Float.intBitsToFloat(h.r(10)));
      assertEquals(round(x.multiply(y).add(z), 'Z'), Float.intBitsToFloat(h.r(11)));
      assertEquals(Math.fma(a, b, c), Float.intBitsToFloat(h.r(12)));
    }
  }

  @Test
  void directedRoundingOfDoubles() throws Exception {
    for (int i = 0; i < 200; i++) {
      double a = (RANDOM.nextDouble() - 0.5) * 1e6;
      double b = (RANDOM.nextDouble() - 0.5) * 1e-3;
      long ba = Double.doubleToRawLongBits(a);
      long bb = Double.doubleToRawLongBits(b);
      WarpHarness h = new WarpHarness("DADD.RM R8, R4, R6", "DMUL.RP R10, R4, R6", "DFMA.RZ R12, R4, R6, R4")
          .set(4, (int) ba).set(5, (int) (ba >>> 32)).set(6, (int) bb).set(7, (int) (bb >>> 32)).run();
      BigDecimal x = new BigDecimal(a);
      BigDecimal y = new BigDecimal(b);
      double sum = Double.longBitsToDouble(h.pair(8));
      assertTrue(new BigDecimal(sum).compareTo(x.add(y)) <= 0 && new BigDecimal(Math.nextUp(sum)).compareTo(x.add(y)) > 0,
          "DADD.RM is the largest double not above the sum");
      double prod = Double.longBitsToDouble(h.pair(10));
      assertTrue(new BigDecimal(prod).compareTo(x.multiply(y)) >= 0
          && new BigDecimal(Math.nextDown(prod)).compareTo(x.multiply(y)) < 0, "DMUL.RP");
      double fma = Double.longBitsToDouble(h.pair(12));
      BigDecimal exact = x.multiply(y).add(x);
      BigDecimal toward = new BigDecimal(fma).abs();
      assertTrue(toward.compareTo(exact.abs()) <= 0
          && new BigDecimal(Math.nextUp(Math.abs(fma))).compareTo(exact.abs()) > 0, "DFMA.RZ");
    }
  }

  @Test
  void minMaxAndComparesFollowPtxNanRules() throws Exception {
    float nan = Float.NaN;
    WarpHarness h = new WarpHarness(
        "FMNMX R8, R4, R5, PT",
        "FMNMX R9, R4, R6, PT",
        "FMNMX R10, R7, RZ, !PT",
        "FMNMX R11, R7, RZ, PT",
        "FSETP.NEU.AND P0, PT, R4, R5, PT",
        "FSETP.NE.AND P1, PT, R4, R5, PT",
        "FSETP.GTU.AND P2, PT, |R4|, +INF, PT",
        "FSEL R12, R5, R6, P2")
        .set(4, bits(nan)).set(5, bits(2f)).set(6, bits(nan)).set(7, bits(-0f)).run();
    assertEquals(2f, Float.intBitsToFloat(h.r(8)), "a lone NaN loses");
    assertEquals(0x7FFFFFFF, h.r(9), "two NaNs give the canonical NaN");
    assertEquals(0, h.r(10), "max(-0, +0) = +0");
    assertEquals(0x80000000, h.r(11), "min(-0, +0) = -0");
    assertTrue(h.p(0), "NEU is true on NaN");
    assertEquals(false, h.p(1), "NE is false on NaN");
    assertTrue(h.p(2), "isnan idiom");
    assertEquals(bits(2f), h.r(12));
  }

  @Test
  void conversions() throws Exception {
    WarpHarness h = new WarpHarness(
        "F2I.TRUNC.NTZ R8, R4",
        "F2I.TRUNC.NTZ R9, R5",
        "F2I.U32.TRUNC.NTZ R10, R6",
        "F2I.FLOOR.NTZ R11, R6",
        "I2F.U32.RP R12, R7",
        "I2FP.F32.S32 R13, R7",
        "F2FP.PACK_AB R14, R15, R16",
        "F2I.TRUNC.NTZ R17, R18")
        .set(4, bits(3e9f)).set(5, bits(Float.NaN)).set(6, bits(-2.5f)).set(7, 0x7FFFFFC1)
        .set(15, bits(1f)).set(16, bits(2f)).set(18, bits(-7.9f)).run();
    assertEquals(Integer.MAX_VALUE, h.r(8), "saturates");
    assertEquals(0, h.r(9), "NaN to zero");
    assertEquals(0, h.r(10), "negative to unsigned is 0");
    assertEquals(-3, h.r(11));
    assertEquals(bits(2147483648f), h.r(12), "rounded up");
    assertEquals(bits((float) 0x7FFFFFC1), h.r(13), "round to nearest");
    assertEquals(0x3C004000, h.r(14), "first source to the high half");
    assertEquals(-7, h.r(17));
  }

  @Test
  void halfPrecisionImmediatesAndLanes() throws Exception {
    int x = (HalfFloats.toF16(3f) & 0xFFFF) << 16 | (HalfFloats.toF16(0.5f) & 0xFFFF);
    WarpHarness h = new WarpHarness(
        "HFMA2 R8, R4, 2, 1, R5",
        "HFMA2.MMA R9, -RZ, RZ, 0, 2.384185791015625e-07",
        "HADD2.F32 R10, -RZ, R4.H1_H1",
        "HMUL2 R11, R4, -0.5, 3",
        "HADD2 R12, R4.H0_H0, R4.H1_H1")
        .set(4, x).set(5, x).run();
    int hi = (HalfFloats.toF16(3f * 2 + 3f) & 0xFFFF) << 16;
    int lo = HalfFloats.toF16(0.5f * 1 + 0.5f) & 0xFFFF;
    assertEquals(hi | lo, h.r(8), "immediates print high half first");
    assertEquals(4, h.r(9), "a subnormal half constant survives");
    assertEquals(bits(3f), h.r(10));
    assertEquals((HalfFloats.toF16(-1.5f) & 0xFFFF) << 16 | (HalfFloats.toF16(1.5f) & 0xFFFF), h.r(11));
    int sum = HalfFloats.toF16(3.5f) & 0xFFFF;
    assertEquals(sum << 16 | sum, h.r(12));
  }

  @Test
  void mufuReciprocalIsCorrectlyRoundedAndOthersClose() throws Exception {
    for (int i = 0; i < 100; i++) {
      float a = Math.abs(randomFloat()) + 0.001f;
      WarpHarness h = new WarpHarness("MUFU.RCP R8, R4", "MUFU.RSQ R9, R4", "MUFU.EX2 R10, R5", "MUFU.LG2 R11, R4",
          "MUFU.SIN R12, R5", "MUFU.SQRT R13, R4")
          .set(4, bits(a)).set(5, bits(a - 0.5f)).run();
      assertEquals(1f / a, Float.intBitsToFloat(h.r(8)));
      assertEquals(1 / Math.sqrt(a), Float.intBitsToFloat(h.r(9)), Math.ulp((float) (1 / Math.sqrt(a))));
      assertEquals(Math.pow(2, a - 0.5f), Float.intBitsToFloat(h.r(10)), 2 * Math.ulp((float) Math.pow(2, a - 0.5f)));
      assertEquals(Math.log(a) / Math.log(2), Float.intBitsToFloat(h.r(11)), 1e-6);
      assertEquals(Math.sin(2 * Math.PI * (a - 0.5f)), Float.intBitsToFloat(h.r(12)), 1e-6, "argument in revolutions");
      assertEquals((float) Math.sqrt(a), Float.intBitsToFloat(h.r(13)));
    }
  }

  @Test
  void fp8PackingRoundsAndSaturates() throws Exception {
    WarpHarness h = new WarpHarness(Architecture.SM_89, 32,
        "F2FP.SATFINITE.E4M3.F32.PACK_AB_MERGE_C R8, R4, R5, RZ.H1",
        "F2FP.SATFINITE.E4M3.F32.PACK_AB_MERGE_C R9, R6, R7, RZ.H1",
        "F2FP.SATFINITE.E5M2.F32.PACK_AB_MERGE_C R10, R4, R6, RZ.H1",
        "F2FP.F16.E4M3.UNPACK_B R11, R8")
        .set(4, bits(1f)).set(5, bits(-0.3f)).set(6, bits(1000f)).set(7, bits(1e-9f)).run();
    // e4m3: 1.0 = 0x38; -0.3 rounds to -0.3125 = 0xAA; 1000 saturates to 448 = 0x7E; 1e-9 is 0.
    assertEquals(0x38AA, h.r(8));
    assertEquals(0x7E00, h.r(9));
    // e5m2: 1.0 = 0x3C; 1000 rounds to 1024 = 0x64.
    assertEquals(0x3C64, h.r(10));
    assertEquals((HalfFloats.toF16(1f) & 0xFFFF) << 16 | (HalfFloats.toF16(-0.3125f) & 0xFFFF), h.r(11));
  }
}
