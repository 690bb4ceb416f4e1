package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mma_variants: the short committed spec, the PTX fragment layouts, and a hand-run chain. */
class MmaVariantsReferenceTest {

  @Test
  void theCommittedSpecCoversWhatTheKernelReads() throws Exception {
    // Lane 31 loads B from a[4·31 + 129] = a[253]: the spec was 160 words until this check
    // found it; a shorter buffer is refused with both numbers.
    assertEquals(3, SpecRun.of("mma_variants").expected.size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecRun.of("mma_variants", SpecRun.resized(SpecRun.load("mma_variants"), "a", 160)));
    assertTrue(e.getMessage().contains("254") && e.getMessage().contains("160"), e.getMessage());
  }

  @Test
  void fragmentLayoutsFollowThePtxTables() {
    int[][] regs = new int[32][4];
    for (int l = 0; l < 32; l++) {
      for (int r = 0; r < 4; r++) {
        regs[l][r] = 4 * l + r; // a register's own id as its (32-bit) element
      }
    }
    // tf32 m16n8k8 A: a0 (g, t), a1 (g+8, t), a2 (g, t+4), a3 (g+8, t+4).
    int[][] a = MmaFragments.a(regs, 16, 32);
    int lane = 4 * 3 + 2; // g = 3, t = 2
    assertEquals(4 * lane, a[3][2]);
    assertEquals(4 * lane + 1, a[11][2]);
    assertEquals(4 * lane + 2, a[3][6]);
    assertEquals(4 * lane + 3, a[11][6]);
    // f16 m16n8k16 A: register 2 of lane (g, t) holds row g, columns 2t+8 and 2t+9.
    int[][] h = new int[32][4];
    h[lane][2] = 0xBBBB_AAAA;
    int[][] ah = MmaFragments.a(h, 16, 16);
    assertEquals(0xAAAA, ah[3][2 * 2 + 8]);
    assertEquals(0xBBBB, ah[3][2 * 2 + 9]);
    // s8 m16n8k32 B: register 1 of lane (g, t) holds column g, rows 4t+16 .. 4t+19.
    int[][] bregs = new int[32][2];
    bregs[lane][1] = 0x44332211;
    int[][] b = MmaFragments.b(bregs, 8);
    assertEquals(0x11, b[4 * 2 + 16][3]);
    assertEquals(0x44, b[4 * 2 + 19][3]);
    // Accumulators: c2 of lane (g, t) is row g+8, column 2t.
    assertEquals(11, MmaFragments.cRow(lane, 2));
    assertEquals(5, MmaFragments.cCol(lane, 3));
  }

  @Test
  void aConstantOneWordRunsTheIntegerChainByHand() throws Exception {
    LaunchSpec spec = SpecRun.resized(SpecRun.load("mma_variants"), "a", 256);
    int[] ones = new int[256];
    Arrays.fill(ones, 1); // every s8/s4 field and b1 bit 0 of each word is 1, the rest 0
    Map<String, byte[]> initial = SpecRun.initialBuffers(spec);
    initial.put("a", LittleEndian.bytes(ones));
    Map<String, byte[]> out = new MmaVariantsReference().expectedOutputs(spec, initial);
    // q: s8 k32 → 8, u8·s8 k32 → 16, xor k256 +0, and k256 +8, s4 k64 +8, s8 k16 +4,
    // and k128 → +4: 40. z = 40 + and k128 (m8n8) 4 = 44; w = q3 = 40 + s8 k16 (m8n8) 4 = 44.
    // h keeps its C halves (1, 0) as raw words 1: the 2^-46 of products is below half an ulp.
    int[] s = LittleEndian.ints(out.get("s"));
    for (int l = 0; l < 32; l++) {
      assertEquals(40 + 44 + 44 + 1, s[4 * l], "lane " + l);
      assertEquals(40 + 44 + 44 + 1, s[4 * l + 1]);
      assertEquals(40 + 44 + 44 + 1, s[4 * l + 2]);
      assertEquals(44 + 44 + 44 + 1, s[4 * l + 3]);
    }
    for (float f : LittleEndian.floats(out.get("f"))) {
      assertEquals(0f, f); // tf32 drops the low 13 bits; bf16 0x0001² underflows
    }
  }

  @Test
  void dmmaIsTheF64ProductWithinItsTolerance() throws Exception {
    LaunchSpec spec = SpecRun.resized(SpecRun.load("mma_variants"), "a", 256);
    SpecRun run = SpecRun.of("mma_variants", spec);
    double[] da = LittleEndian.doubles(run.initial.get("da"));
    double[] d = LittleEndian.doubles(run.expected.get("d"));
    Tolerance t = run.reference.tolerance("d");
    for (int l = 0; l < 32; l++) {
      for (int i = 0; i < 2; i++) {
        int row = l / 4;
        int col = 2 * (l % 4) + i;
        double sum = 0; // A (row, k) = da[4·row + k], B (k, col) = da[32 + 4·col + k]
        for (int k = 0; k < 4; k++) {
          sum += da[4 * row + k] * da[32 + 4 * col + k];
        }
        assertTrue(t.accepts(d[2 * l + i], sum), "lane " + l + "." + i);
      }
    }
    assertTrue(run.reference.tolerance("s").isExact());
  }
}
