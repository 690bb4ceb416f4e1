package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Integer instructions against independent definitions, using the forms ptxas prints
 * (sass-semantics.md §1): every LOP3 table, the IMAD aliases, IADD3 and ISETP 64-bit idioms,
 * SHF funnel shifts, LEA, PRMT, bit counting.
 */
class IntegerSemanticsTest {
  private static final SplittableRandom RANDOM = new SplittableRandom(20240411);

  @Test
  void lop3AppliesEveryTruthTable() throws Exception {
    for (int lut = 0; lut < 256; lut++) {
      int a = RANDOM.nextInt();
      int b = RANDOM.nextInt();
      int c = RANDOM.nextInt();
      WarpHarness h = new WarpHarness(String.format("LOP3.LUT R8, R4, R5, R6, 0x%x, !PT", lut))
          .set(4, a).set(5, b).set(6, c).run();
      int want = 0;
      for (int bit = 0; bit < 32; bit++) {
        int index = ((a >>> bit) & 1) << 2 | ((b >>> bit) & 1) << 1 | ((c >>> bit) & 1);
        want |= ((lut >>> index) & 1) << bit;
      }
      assertEquals(want, h.r(8), "LUT 0x" + Integer.toHexString(lut));
    }
  }

  @Test
  void lop3PredicateOutputTestsForNonZero() throws Exception {
    WarpHarness h = new WarpHarness("LOP3.LUT P0, RZ, R4, 0x7fffffff, RZ, 0xc0, !PT").set(4, 0x80000000).run();
    assertEquals(false, h.p(0));
    h = new WarpHarness("LOP3.LUT P0, RZ, R4, 0x7fffffff, RZ, 0xc0, !PT").set(4, 0x80000001).run();
    assertEquals(true, h.p(0));
  }

  @Test
  void imadAliases() throws Exception {
    for (int i = 0; i < 200; i++) {
      int a = RANDOM.nextInt();
      int b = RANDOM.nextInt();
      int c = RANDOM.nextInt();
      int d = RANDOM.nextInt();
      WarpHarness h = new WarpHarness(
          "IMAD R8, R4, R5, R6",
          "IMAD.WIDE.U32 R10, R4, R5, R6",
          "IMAD.WIDE R12, R4, R5, R6",
          "IMAD.MOV R14, RZ, RZ, -R4",
          "IMAD.SHL.U32 R15, R4, 0x20, RZ",
          "IMAD.IADD R16, R4, 0x1, -R5",
          "IMAD.HI.U32 R17, R4, R5, R6",
          "IMAD.HI R18, R4, R5, RZ")
          .set(4, a).set(5, b).set(6, c).set(7, d).run();
      long ua = a & 0xFFFFFFFFL;
      long ub = b & 0xFFFFFFFFL;
      long c64 = ((long) d << 32) | (c & 0xFFFFFFFFL);
      assertEquals(a * b + c, h.r(8));
      assertEquals(ua * ub + c64, h.pair(10));
      assertEquals((long) a * b + c64, h.pair(12));
      assertEquals(-a, h.r(14));
      assertEquals(a << 5, h.r(15));
      assertEquals(a - b, h.r(16));
      BigInteger wide = BigInteger.valueOf(ua).multiply(BigInteger.valueOf(ub))
          .add(new BigInteger(Long.toUnsignedString(c64)));
      assertEquals(wide.shiftRight(32).intValue(), h.r(17), "IMAD.HI.U32 takes a 64-bit addend");
      assertEquals((int) (((long) a * b) >> 32), h.r(18));
    }
  }

  @Test
  void imadWideCarryFeedsImadX() throws Exception {
    // __umul64hi's carry chain: the carry out of a 64-bit wide multiply-add enters IMAD.X.
    WarpHarness h = new WarpHarness("IMAD.WIDE.U32 R8, P0, R4, R5, R6", "IMAD.X R10, RZ, RZ, RZ, P0")
        .set(4, -1).set(5, -1).set(6, -1).set(7, -1).run();
    // (2^32-1)^2 + (2^64-1) overflows 64 bits.
    assertEquals(1, h.r(10));
    assertEquals(0xFFFFFFFE00000001L + 0xFFFFFFFFFFFFFFFFL, h.pair(8));
  }

  @Test
  void iadd3CarriesMake64BitAddAndSubtract() throws Exception {
    for (int i = 0; i < 300; i++) {
      long x = RANDOM.nextLong();
      long y = i % 7 == 0 ? 0 : RANDOM.nextLong();
      WarpHarness h = new WarpHarness(
          "IADD3 R8, P0, R4, R6, RZ",
          "IADD3.X R9, R5, R7, RZ, P0, !PT",
          "IADD3 R10, P1, R4, -R6, RZ",
          "IADD3.X R11, R5, ~R7, RZ, P1, !PT")
          .set(4, (int) x).set(5, (int) (x >>> 32)).set(6, (int) y).set(7, (int) (y >>> 32)).run();
      assertEquals(x + y, h.pair(8));
      assertEquals(x - y, h.pair(10), "subtracting " + y + " (-0 must carry)");
    }
  }

  @Test
  void isetpExChainsCompare64Bit() throws Exception {
    for (int i = 0; i < 300; i++) {
      long x = RANDOM.nextLong();
      long y = i % 5 == 0 ? x ^ RANDOM.nextInt(4) : RANDOM.nextLong();
      WarpHarness h = new WarpHarness(
          "ISETP.GE.U32.AND P0, PT, R4, R6, PT",
          "ISETP.GE.AND.EX P0, PT, R5, R7, PT, P0",
          "SEL R8, RZ, 0x1, P0",
          "ISETP.GE.U32.AND P1, PT, R4, R6, PT",
          "ISETP.GE.U32.AND.EX P1, PT, R5, R7, PT, P1",
          "SEL R9, RZ, 0x1, P1",
          "ISETP.NE.U32.AND P2, PT, R4, R6, PT",
          "ISETP.NE.AND.EX P2, PT, R5, R7, PT, P2",
          "SEL R10, RZ, 0x1, P2")
          .set(4, (int) x).set(5, (int) (x >>> 32)).set(6, (int) y).set(7, (int) (y >>> 32)).run();
      assertEquals(x < y ? 1 : 0, h.r(8), "s64 <");
      assertEquals(Long.compareUnsigned(x, y) < 0 ? 1 : 0, h.r(9), "u64 <");
      assertEquals(x == y ? 1 : 0, h.r(10), "==");
    }
  }

  @Test
  void shfImplementsVariable64BitShiftsAndFunnelShifts() throws Exception {
    for (int n = 0; n < 64; n++) {
      long x = RANDOM.nextLong();
      WarpHarness h = new WarpHarness(
          "SHF.L.U64.HI R9, R4, R6, R5",
          "SHF.L.U32 R8, R4, R6, RZ",
          "SHF.R.U64 R10, R4, R6, R5",
          "SHF.R.U32.HI R11, RZ, R6, R5",
          "SHF.R.S64 R12, R4, R6, R5",
          "SHF.R.S32.HI R13, RZ, R6, R5",
          "SHF.L.W.U32.HI R14, R4, R6, R5",
          "SHF.R.W.U32 R15, R4, R6, R5",
          "SHF.L.U32.HI R16, R4, R6, R5")
          .set(4, (int) x).set(5, (int) (x >>> 32)).set(6, n).run();
      assertEquals(x << n, h.pair(8), "x << " + n);
      assertEquals(x >>> n, h.pair(10), "x >>> " + n);
      assertEquals(x >> n, h.pair(12), "x >> " + n);
      // __funnelshift_l / _r wrap the shift; __funnelshift_lc clamps it at 32.
      assertEquals((int) ((x << (n & 31)) >>> 32), h.r(14), "funnelshift_l " + n);
      assertEquals((int) (x >>> (n & 31)), h.r(15), "funnelshift_r " + n);
      assertEquals((int) ((x << Math.min(n, 32)) >>> 32), h.r(16), "funnelshift_lc " + n);
    }
  }

  @Test
  void leaFormsBuildAddresses() throws Exception {
    for (int i = 0; i < 100; i++) {
      int idx = RANDOM.nextInt();
      long base = RANDOM.nextLong();
      WarpHarness h = new WarpHarness(
          "LEA R8, P0, R4, R6, 0x2",
          "LEA.HI.X R9, R4, R7, R5, 0x2, P0",
          "LEA R10, P1, R4, R6, 0x3",
          "LEA.HI.X.SX32 R11, R4, R7, 0x3, P1")
          .set(4, idx).set(5, idx >> 31).set(6, (int) base).set(7, (int) (base >>> 32)).run();
      assertEquals(base + ((long) idx << 2), h.pair(8), "64-bit index scaled by 4");
      assertEquals(base + ((long) idx << 3), h.pair(10), "sign-extended 32-bit index scaled by 8");
    }
  }

  @Test
  void prmtSelectsAndSignReplicatesBytes() throws Exception {
    WarpHarness h = new WarpHarness(
        "PRMT R8, R4, 0x5140, R5",
        "PRMT R9, R4, 0x5432, R4",
        "PRMT R10, R6, 0x8880, RZ",
        "PRMT R11, RZ, 0x5410, R4")
        .set(4, 0x44332211).set(5, 0x88776655).set(6, 0x000000F0).run();
    assertEquals(0x66225511, h.r(8), "bytes 0, 4, 1, 5 of {R5:R4}");
    assertEquals(0x22114433, h.r(9), "swap halves");
    assertEquals(0xFFFFFFF0, h.r(10), "sign-extend byte 0");
    assertEquals(0x22110000, h.r(11), "low half to high half (bf16 to f32)");
  }

  @Test
  void bitCountsAndFieldOps() throws Exception {
    WarpHarness h = new WarpHarness(
        "POPC R8, R4",
        "FLO.U32 R9, R4",
        "FLO.U32 R10, RZ",
        "FLO.U32.SH R11, R4",
        "BREV R12, R4",
        "SGXT R13, R4, 0x8",
        "SGXT.U32 R14, R4, 0x8",
        "BMSK R15, R5, R6",
        "IABS R16, R7",
        "IMNMX R17, R4, R7, PT",
        "IMNMX.U32 R18, R4, R7, !PT")
        .set(4, 0x000801F0).set(5, 1).set(6, 2).set(7, -5).run();
    assertEquals(Integer.bitCount(0x000801F0), h.r(8));
    assertEquals(19, h.r(9));
    assertEquals(-1, h.r(10), "FLO of zero is 0xffffffff (__ffs and __clz rely on it)");
    assertEquals(12, h.r(11));
    assertEquals(Integer.reverse(0x000801F0), h.r(12));
    assertEquals(0xFFFFFFF0, h.r(13));
    assertEquals(0xF0, h.r(14));
    assertEquals(0x6, h.r(15));
    assertEquals(5, h.r(16));
    assertEquals(-5, h.r(17), "signed min");
    assertEquals(-5, h.r(18), "unsigned max: 0xfffffffb");
  }

  @Test
  void plop3CombinesPredicates() throws Exception {
    WarpHarness h = new WarpHarness(
        "PLOP3.LUT P3, PT, P0, P1, P2, 0xe0, 0x0",
        "PLOP3.LUT P4, PT, P0, P1, PT, 0xa8, 0x0",
        "PLOP3.LUT P5, PT, PT, PT, PT, 0x80, 0x0")
        .setPredicateMask(0, 0b1010_1010).setPredicateMask(1, 0b1100_1100).setPredicateMask(2, 0b1111_0000).run();
    for (int lane = 0; lane < 8; lane++) {
      boolean p0 = ((0b1010_1010 >> lane) & 1) != 0;
      boolean p1 = ((0b1100_1100 >> lane) & 1) != 0;
      boolean p2 = ((0b1111_0000 >> lane) & 1) != 0;
      assertEquals(p0 && (p1 || p2), h.p(3, lane));
      assertEquals(p0 || p1, h.p(4, lane));
      assertEquals(true, h.p(5, lane));
    }
  }
}
