package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The integer workloads: properties of their outputs that do not restate the references. */
class IntegerReferencesTest {

  @Test
  void reduceSumIsTheSumOfTheInput() throws Exception {
    SpecRun r = SpecRun.of("reduce_sum", "reduce_sum.launch.yaml");
    long sum = 0;
    for (int v : r.inInts("in")) {
      sum += v;
    }
    // 262144 values in [-1000, 1000) cannot wrap 32 bits, so the long sum is the answer.
    assertEquals(sum, r.outInts("out")[0]);
    assertTrue(Math.abs(sum) < 1_000_000, "uniform inputs should nearly cancel, got " + sum);
  }

  @Test
  void histogramCountsEveryByteOnceAndLooksUniform() throws Exception {
    SpecRun r = SpecRun.of("histogram", "histogram.launch.yaml");
    int[] bins = r.outInts("bins");
    assertEquals(256, bins.length);
    long total = 0;
    for (int b : bins) {
      total += Integer.toUnsignedLong(b);
      // 2^20 uniform bytes: 4096 per bin, standard deviation 64; 6 sigma is generous.
      assertTrue(Math.abs(b - 4096) < 6 * 64, "bin count " + b);
    }
    assertEquals(r.intScalar("n"), total);
    byte[] data = r.initial.get("data");
    int zeros = 0;
    for (byte v : data) {
      zeros += v == 0 ? 1 : 0;
    }
    assertEquals(zeros, bins[0]);
  }

  @Test
  void collatzMatchesKnownStoppingTimes() throws Exception {
    SpecRun r = SpecRun.of("collatz", "collatz.launch.yaml");
    int[] steps = r.outInts("steps");
    int[] start = r.inInts("start");
    assertEquals(1, start[0]);
    // Published total stopping times (OEIS A006577): 1 -> 0, 27 -> 111, 97 -> 118,
    // 871 -> 178, 6171 -> 261, 77031 is past the spec, 2^k -> k.
    assertEquals(0, steps[0]);
    assertEquals(111, steps[26]);
    assertEquals(118, steps[96]);
    assertEquals(178, steps[870]);
    assertEquals(261, steps[6170]);
    for (int k = 1; k <= 16; k++) {
      assertEquals(k, steps[(1 << k) - 1], "2^" + k);
    }
    int max = Arrays.stream(steps).max().orElseThrow();
    assertTrue(max < r.intScalar("cap"), "no start below 65537 should reach the cap: " + max);
    // The cap binds: the same starts with cap 100 stop at 100 wherever the true time is longer.
    for (int i = 0; i < steps.length; i++) {
      assertEquals(Math.min(steps[i], 100), CollatzReference.stoppingTime(start[i], 100));
    }
    // 64-bit arithmetic: 2^32 - 1 leaves 32 bits on its first step; count it in BigInteger.
    BigInteger v = BigInteger.valueOf(0xFFFFFFFFL);
    int want = 0;
    while (v.compareTo(BigInteger.ONE) > 0) {
      v = v.testBit(0) ? v.multiply(BigInteger.valueOf(3)).add(BigInteger.ONE)
          : v.shiftRight(1);
      want++;
    }
    assertEquals(want, CollatzReference.stoppingTime(0xFFFFFFFFL, 100000));
  }

  @Test
  void intMixBytePermAndAHandComputedValue() throws Exception {
    // Result byte j = byte selector nibble j of {y:x}: 0x3715 picks y1, x1, y3, x3... from the top.
    assertEquals(0x33771155, IntMixReference.bytePerm(0x33221100, 0x77665544, 0x3715));
    assertEquals(0x44556677, IntMixReference.bytePerm(0x33221100, 0x77665544, 0x4567));
    // v = 0: h stays 0, bits = popc 0 + clz(1) 31 + brev 0, min 0, 0/d 0, 0%d 0.
    assertEquals(31, IntMixReference.mix(0, 7));
    SpecRun r = SpecRun.of("int_mix", "int_mix.launch.yaml");
    int[] in = r.inInts("in");
    int[] out = r.outInts("out");
    // The divisor matters: the same inputs with divisor 1 differ wherever hi/7 + v%7 != hi + 0.
    int differ = 0;
    for (int i = 0; i < in.length; i++) {
      differ += IntMixReference.mix(in[i], 1) != out[i] ? 1 : 0;
    }
    assertTrue(differ > in.length * 0.99, "divisor barely matters: " + differ);
  }

  @Test
  void warpCollectivesAgreeWithWholeBufferTotals() throws Exception {
    SpecRun r = SpecRun.of("warp_collectives", "warp_collectives.launch.yaml");
    int[] in = r.inInts("in");
    int[] out = r.outInts("out");
    int warps = in.length / 32;
    assertEquals(6 * warps, out.length);
    int xorAll = 0;
    int xorRows = 0;
    int sumAll = 0;
    int sumRows = 0;
    int zeroWarps = 0;
    for (int w = 0; w < warps; w++) {
      int max = out[6 * w + 4];
      boolean maxSeen = false;
      for (int l = 0; l < 32; l++) {
        int v = in[32 * w + l];
        xorAll ^= v;
        sumAll += v;
        assertTrue(Integer.compareUnsigned(v, max) <= 0);
        maxSeen |= v == max;
        assertEquals(v & 1, (out[6 * w] >>> l) & 1, "ballot bit " + l);
      }
      assertTrue(maxSeen);
      xorRows ^= out[6 * w + 5];
      sumRows += out[6 * w + 3];
      int peers = out[6 * w + 2];
      assertTrue(peers >= 1 && peers <= 32, "lane 0 is its own peer: " + peers);
      // Values uniform in [0, 2000): a warp almost surely has one above 1000.
      assertEquals(1, out[6 * w + 1] & 1, "warp " + w);
      boolean hasZero = Arrays.stream(in, 32 * w, 32 * w + 32).anyMatch(x -> x == 0);
      assertEquals(hasZero ? 0 : 2, out[6 * w + 1] & 2, "warp " + w);
      zeroWarps += hasZero ? 1 : 0;
    }
    assertTrue(zeroWarps > 0, "the data should exercise all() == false");
    assertEquals(xorAll, xorRows);
    assertEquals(sumAll, sumRows);
  }

  @Test
  void scanIsARunningSumPerBlockEndingInTheBlockTotal() throws Exception {
    SpecRun r = SpecRun.of("scan", "scan.launch.yaml");
    int[] in = r.inInts("in");
    int[] out = r.outInts("out");
    int[] sums = r.outInts("block_sums");
    long total = 0;
    for (int b = 0; b < sums.length; b++) {
      assertEquals(in[256 * b], out[256 * b], "a block starts afresh");
      for (int t = 1; t < 256; t++) {
        assertEquals(in[256 * b + t], out[256 * b + t] - out[256 * b + t - 1]);
      }
      assertEquals(out[256 * b + 255], sums[b]);
      total += sums[b];
    }
    assertEquals(Arrays.stream(in).asLongStream().sum(), total);
  }

  @Test
  void bitonicSortSortsEachBlockAndKeepsItsKeys() throws Exception {
    SpecRun r = SpecRun.of("bitonic_sort", "bitonic_sort.launch.yaml");
    int[] in = r.inInts("keys");
    int[] out = r.outInts("keys");
    for (int b = 0; b < in.length / 1024; b++) {
      int[] want = Arrays.copyOfRange(in, 1024 * b, 1024 * b + 1024);
      Arrays.sort(want); // keys are below 10^6: signed and unsigned order agree
      assertArrayEquals(want, Arrays.copyOfRange(out, 1024 * b, 1024 * b + 1024), "block " + b);
    }
  }

  @Test
  void bitonicSortComparesUnsigned() throws Exception {
    SpecRun r = SpecRun.of("bitonic_sort", "bitonic_sort.launch.yaml");
    Map<String, byte[]> init = new HashMap<>(r.initial);
    int[] keys = new int[4096];
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rng.nextInt(); // half of them >= 2^31 unsigned
    }
    init.put("keys", LittleEndian.bytes(keys));
    int[] out = LittleEndian.ints(r.reference.expectedOutputs(r.spec, init).get("keys"));
    for (int i = 1; i < 1024; i++) {
      assertTrue(Integer.compareUnsigned(out[i - 1], out[i]) <= 0, "at " + i);
    }
  }

  @Test
  void bfsClaimsEachNeighbourOfTheFrontierOnce() throws Exception {
    SpecRun r = SpecRun.of("bfs_step", "bfs_step.launch.yaml");
    int[] rowPtr = r.inInts("row_ptr");
    int[] col = r.inInts("col_idx");
    int[] frontier = r.inInts("frontier");
    BitSet neighbours = new BitSet();
    for (int v : frontier) {
      for (int e = rowPtr[v]; e < rowPtr[v + 1]; e++) {
        neighbours.set(col[e]);
      }
    }
    int[] levels = r.outInts("levels");
    for (int u = 0; u < levels.length; u++) {
      assertEquals(neighbours.get(u) ? 4 : -1, levels[u], "vertex " + u);
    }
    int count = r.outInts("next_count")[0];
    assertEquals(neighbours.cardinality(), count);
    // "About half the 8192 edges claim a vertex": 8192 draws from 8192 vertices hit 1 - 1/e.
    assertTrue(count > 5000 && count < 5400, "claimed " + count);
    int[] next = r.outInts("next_frontier");
    BitSet listed = new BitSet();
    for (int i = 0; i < count; i++) {
      assertTrue(neighbours.get(next[i]) && !listed.get(next[i]), "slot " + i);
      listed.set(next[i]);
    }
    for (int i = count; i < next.length; i++) {
      assertEquals(-1, next[i]);
    }
  }

  @Test
  void bfsCanonicalFormIgnoresTheOrderOfClaimsOnly() throws Exception {
    SpecRun r = SpecRun.of("bfs_step", "bfs_step.launch.yaml");
    OrderFreeOutputs ref = (OrderFreeOutputs) r.reference;
    int[] next = r.outInts("next_frontier");
    int count = r.outInts("next_count")[0];
    int[] shuffled = next.clone();
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = count - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    byte[] want = ref.canonical("next_frontier", r.expected.get("next_frontier"), r.expected,
        r.initial);
    assertArrayEquals(want,
        ref.canonical("next_frontier", LittleEndian.bytes(shuffled), r.expected, r.initial));
    int[] wrong = shuffled.clone();
    wrong[0] = wrong[1]; // a vertex listed twice, another missing
    assertNotEquals(Arrays.toString(LittleEndian.ints(want)), Arrays.toString(LittleEndian.ints(
        ref.canonical("next_frontier", LittleEndian.bytes(wrong), r.expected, r.initial))));
    byte[] levels = r.expected.get("levels");
    assertArrayEquals(levels, ref.canonical("levels", levels, r.expected, r.initial));
  }
}
