package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exact part-B references: integer kernels, against independent derivations. */
class IntegerReferencesBTest {
  private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

  private static BigInteger u(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Test
  void int64MathAgreesWithBigIntegerArithmeticModulo2To64() throws Exception {
    SpecRun run = SpecRun.of("int64_math");
    long[] in = LittleEndian.longs(run.initial.get("in"));
    long[] out = LittleEndian.longs(run.expected.get("out"));
    BigInteger mult = u(6364136223846793005L);
    BigInteger mask = TWO64.subtract(BigInteger.ONE);
    int divisions = 0;
    for (int i = 0; i < in.length; i++) {
      BigInteger h = u(in[i]);
      for (int r = 0; r < 8; r++) {
        h = h.xor(h.shiftRight(29));
        h = h.multiply(mult).and(mask);
        BigInteger rot = h.shiftLeft(17).and(mask).or(h.shiftRight(47));
        h = h.add(rot).and(mask);
        BigInteger num = (r & 1) != 0 ? h : h.shiftRight(32);
        BigInteger d = h.shiftRight(40).or(BigInteger.valueOf(3));
        BigInteger[] qr = num.divideAndRemainder(d);
        assertEquals(num, qr[0].multiply(d).add(qr[1])); // q·d + r = n, r < d
        assertTrue(qr[1].compareTo(d) < 0);
        h = h.xor(qr[0]).add(qr[1]).and(mask);
        divisions++;
      }
      assertEquals(h, u(out[i]), "word " + i);
    }
    assertEquals(2048 * 8, divisions);
  }

  @Test
  void localArrayMatchesASortedCopy() throws Exception {
    SpecRun run = SpecRun.of("local_array");
    int[] in = run.inInts("in");
    int[] out = run.outInts("out");
    long[] sums = LittleEndian.longs(run.expected.get("sums"));
    int n = in.length;
    for (int i = 0; i < n; i++) {
      int[] arr = new int[16];
      for (int j = 0; j < 16; j++) {
        arr[j] = in[(i * 16 + j) % n];
      }
      Arrays.sort(arr);
      int idx = in[i] & 15;
      assertEquals(arr[idx] + 3 * arr[in[(i + 1) % n] & 15], out[i], "out " + i);
      // wide[(3j + i) & 7] = arr[j]·arr[15-j]: invert the slot permutation.
      long[] wide = new long[8];
      for (int slot = 0; slot < 8; slot++) {
        for (int j = 0; j < 8; j++) {
          if (((3 * j + i) & 7) == slot) {
            wide[slot] = (long) arr[j] * arr[15 - j];
          }
        }
      }
      assertEquals(wide[idx & 7] + wide[(idx + 1) & 7], sums[i], "sums " + i);
    }
  }

  @Test
  void jumpTableKnownValues() {
    assertEquals(11 + 5 + 0 + 0, JumpTableReference.value(0)); // case 0, L0, sq(0), fib(0)
    // 17: case 1 (51), 17 % 4 = 1 (153), (17 >> 4) % 3 = 1: tri(17) = 153, fib(1) = 1.
    assertEquals(51 + 153 + 153 + 1, JumpTableReference.value(17));
    // 39: case 7 → 39 | 0x700; 39 % 4 = 3 → 78; (39 >> 4) = 2 → neg(39); fib(39 & 7) = 13.
    assertEquals((39 | 0x700) + 78 + (-39 ^ 0x55) + 13, JumpTableReference.value(39));
    // 12 falls to default (0); 12 % 4 = 0 → 17; sq(12) = 144; fib(4) = 3.
    assertEquals(0 + 17 + 144 + 3, JumpTableReference.value(12));
    assertEquals(13, JumpTableReference.fib(7));
    // 46342: case 6 squares past 2^31 and (46342 >> 4) % 3 = 1 picks tri, whose product also
    // wraps; the GPU keeps the low 32 bits and divides rounding toward zero. 46342 % 4 = 2.
    int v = 46342;
    int square = (int) ((long) v * v);
    int tri = (int) ((long) v * (v + 1)) / 2;
    assertTrue(tri < 0);
    assertEquals(square + (v ^ 77) + tri + 8, JumpTableReference.value(v));
  }

  @Test
  void barrierVariantsAddOneBlockWideConstant() throws Exception {
    SpecRun run = SpecRun.of("barrier_variants");
    int[] in = run.inInts("in");
    int[] out = run.outInts("out");
    for (int b = 0; b < 2; b++) {
      int base = b * 128;
      int[] blockIn = Arrays.copyOfRange(in, base, base + 128);
      int all = Arrays.stream(blockIn).allMatch(x -> x != 7) ? 1 : 0;
      int any = Arrays.stream(blockIn).anyMatch(x -> x == 3) ? 1 : 0;
      // The upper half keeps its input, so out - in there is the block's popc + all + any.
      int offset = out[base + 64] - in[base + 64];
      int popc = offset - all - any;
      assertTrue(popc >= 0 && popc <= 128, "popc " + popc);
      for (int t = 64; t < 128; t++) {
        assertEquals(offset, out[base + t] - in[base + t]);
      }
      // The lower half: its own value, twice its mirror, and its producer's value + 1.
      int odd = 0;
      for (int t = 0; t < 128; t++) {
        int v = t < 64 ? in[base + t] + 2 * in[base + 63 - t] + in[base + 64 + t] + 1
            : in[base + t];
        odd += v & 1;
        assertEquals(v + offset, out[base + t], "block " + b + " thread " + t);
      }
      assertEquals(odd, popc);
    }
  }

  @Test
  void clusterExchangeOfIotaInput() throws Exception {
    SpecRun run = SpecRun.of("cluster_exchange");
    int[] out = run.outInts("out");
    assertEquals(0 + 257, out[0]); // block 0 thread 0 reads block 1 slot 1
    assertEquals(255 + 256, out[255]); // thread 255 wraps to the partner's slot 0
    assertEquals(256 + 1, out[256]); // block 1 reads block 0
    assertEquals(16383 + 62 * 256, out[16383]); // last block (63) pairs with 62, slot 0
  }

  @Test
  void simdVideoPrimitivesMatchThePtxDefinitions() {
    assertEquals(0x00000006, SimdVideoReference.bmskWrap(1, 2)); // the PTX ISA example
    assertEquals(0xFFFFFFFE, SimdVideoReference.bmskWrap(1, 31)); // sum past 31: to the top
    assertEquals(0, SimdVideoReference.bmskWrap(5, 0));
    assertEquals(0, SimdVideoReference.szextWrapS32(0xFFFFFFFF, 0)); // N = 0 gives 0
    assertEquals(0xFFFFFFF8, SimdVideoReference.szextWrapS32(0x000000F8, 4 + 32)); // wraps to 4
    assertEquals(0x00000038, SimdVideoReference.szextWrapS32(0x000000B8, 7)); // bit 6 clear
    assertEquals(0x000000F8, SimdVideoReference.szextWrapS32(0x000000F8, 9));
    assertEquals(0x55114400, SimdVideoReference.bytePerm(0x33221100, 0x77665544, 0x5140));
    assertEquals(0x01FF0010, SimdVideoReference.vabsdiffu4(0x02000030, 0x01FF0020));
    assertEquals(0x00020000, SimdVideoReference.vadd2(0x0001FFFF, 0x00010001)); // no carry up
    assertEquals(-1, SimdVideoReference.bfeS32(0x00000FF8, 3, 9));
    assertEquals(0x7F, SimdVideoReference.bfeU32(0xFFFFFFFF, 3, 7));
    assertEquals(0x1, SimdVideoReference.bfeU32(0x80000000, 31, 7)); // bits past 31 read 0
    assertEquals(0xFFFFFF5F, SimdVideoReference.bfi(0x5, 0xFFFFFFFF, 4, 4));
    assertEquals(3 + 4 * (-1), SimdVideoReference.dp4a(0xFFFFFFFF, 0x01010101, 3));
    assertEquals(5 + 0xFFFF * 2 + 0x1 * 3, SimdVideoReference.dp2aLo(0x0001FFFF, 0x00000302, 5));
    int x = 0x12345678;
    int y = 0x0ABCDEF1;
    assertEquals(x, SimdVideoReference.funnelShiftLc(x, y, 40)); // clamped to 32: the low word
    assertEquals((x >>> 17) | (y << 15), SimdVideoReference.funnelShiftR(x, y, 17 + 64));
    assertEquals(1, SimdVideoReference.ffs64(1L));
    assertEquals(64, SimdVideoReference.ffs64(Long.MIN_VALUE));
    assertEquals(0, SimdVideoReference.ffs32(0));
  }

  @Test
  void unsignedHighProductAgreesWithBigInteger() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 2000; i++) {
      long a = rng.nextLong();
      long b = rng.nextLong();
      long want = u(a).multiply(u(b)).shiftRight(64).longValue();
      assertEquals(want, SimdVideoReference.unsignedMultiplyHigh(a, b));
    }
  }

  @Test
  void matrixMoveHandDerivedFragments() throws Exception {
    SpecRun run = SpecRun.of("matrix_move");
    int[] out = run.outInts("out");
    // tile[r][c] = 8r + c. Lane 0: t0 = (M0[0][0], M0[1][0]) = (0, 8); x1 = (0, 1);
    // movmatrix of A = t0 ^ x1 gives (A[0][0], A[1][0]) = (0, 1 ^ 8) (A[1][0] sits in lane 4).
    assertEquals((8 << 16) + (9 << 16), out[0]);
    assertEquals(64 | 72 << 16, out[1]); // t1: matrix 1 = tile rows 8..15, column 0
    assertEquals(128 | 136 << 16, out[2]);
    assertEquals((192 | 200 << 16) ^ (1 << 16), out[3]); // t3 ^ x1
    // Lane 31 (row 7, columns 6, 7): t1 = (tile[14][7], tile[15][7]) = (119, 127).
    assertEquals(119 | 127 << 16, out[31 * 4 + 1]);
  }

  @Test
  void hopperMiscSumsBothBlocks() throws Exception {
    SpecRun run = SpecRun.of("hopper_misc");
    int[] in = run.inInts("in");
    int[] sums = run.outInts("sums");
    for (int j = 0; j < 64; j++) {
      assertEquals(in[j] + in[64 + j], sums[j]);
    }
    assertFalse(run.expected.containsKey("out"));
  }

  @Test
  void warpIntrinsicsOfAConstantInput() throws Exception {
    int[] ones = new int[128];
    Arrays.fill(ones, 1);
    SpecRun run = SpecRun.withBuffers("warp_intrinsics", Map.of("in", LittleEndian.bytes(ones)));
    int[] out = run.outInts("out");
    // sum 32, min 1, max 1, match_all mask -1 and pred 1, shuffles 1 + 1, tile sum 4,
    // tile any 0 + shfl_down 1, neighbour 1, popc(lanemask_lt) = lane.
    for (int i = 0; i < 128; i++) {
      assertEquals(32 + 1 + 1 - 1 + 1 + 2 + 4 + 1 + 1 + i % 32, out[i], "thread " + i);
    }
    Tolerance t = run.reference.tolerance("out");
    assertTrue(t.accepts(40, 41) && !t.accepts(40, 42));
  }

  @Test
  void warpIntrinsicsTileVotesStayInsideTheTile() throws Exception {
    // One value above 100, in lane 0: only tile 0 (lanes 0-3) votes any; the rest of the warp
    // must not see it (sm_90 runs the VOTE after WARPSYNC.EXCLUSIVE on the tile's mask, sm_8x
    // masks the ballot with it).
    int[] v = new int[128];
    Arrays.fill(v, 1);
    v[0] = 101;
    SpecRun run = SpecRun.withBuffers("warp_intrinsics", Map.of("in", LittleEndian.bytes(v)));
    int[] out = run.outInts("out");
    int common = 132 + 1 + 101 - 1 + 1; // warp sum, min, unsigned max, match mask, pred
    // Lane 1: shuffles 1 + 1, tile sum 104, any 1 + shfl_down 1, neighbour 1, lane 1.
    assertEquals(common + 2 + 104 + 2 + 1 + 1, out[1]);
    // Lane 4 (tile 1): shuffles 1 + 1, tile sum 4, any 0 + shfl_down 1, neighbour 1, lane 4.
    assertEquals(common + 2 + 4 + 1 + 1 + 4, out[4]);
  }

  @Test
  void warpIntrinsicsMixedParityAndNegatives() throws Exception {
    int[] v = new int[128];
    for (int i = 0; i < 128; i++) {
      v[i] = i - 40; // warp 1 mixes signs and parities
    }
    SpecRun run = SpecRun.withBuffers("warp_intrinsics", Map.of("in", LittleEndian.bytes(v)));
    int[] out = run.outInts("out");
    int lane = 5;
    int i = 32 + lane; // warp 1: values -8 .. 23
    int sum = 0;
    for (int l = 0; l < 32; l++) {
      sum += 32 + l - 40;
    }
    int mx = -1; // unsigned max of the warp: -1 (0xFFFFFFFF)
    int nb = v[32 + 6] + v[32 + (lane ^ 2)]; // width 8: lane 5 reads lane 6
    int tsum = v[36] + v[37] + v[38] + v[39];
    int down = v[i + 1];
    int other = v[(i + 5) % 64];
    assertEquals(sum + (-8) + mx + 0 + 0 + nb + tsum + 0 + down + other + lane, out[i]);
  }
}
