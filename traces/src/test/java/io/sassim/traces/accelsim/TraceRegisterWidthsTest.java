package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.traces.model.RegisterRange;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Register counts recovered from trace lines, one case per rule of the table. */
class TraceRegisterWidthsTest {

  /**
   * One trace line's registers: {@code dest} is -1 for none; returns "d=<count> s=<counts>".
   */
  private static String widths(String opcode, int binaryVersion, long immediate, int dest,
      int... sources) {
    int[] d = dest < 0 ? new int[0] : new int[] {RegisterRange.general(dest)};
    int[] s = Arrays.stream(sources).map(RegisterRange::general).toArray();
    TraceRegisterWidths.widen(opcode, binaryVersion, immediate, d, s);
    for (int i = 0; i < s.length; i++) {
      assertEquals(sources[i], RegisterRange.first(s[i]), "first register must not move");
    }
    return "d=" + (d.length == 0 ? "-" : String.valueOf(RegisterRange.count(d[0])))
        + " s=" + Arrays.toString(Arrays.stream(s).map(RegisterRange::count).toArray());
  }

  @Test
  void loadsWidenDataByAccessSizeAndGlobalAddressesToPairs() {
    assertEquals("d=2 s=[2]", widths("LDG.E.64", 80, 0, 4, 2));
    assertEquals("d=4 s=[2]", widths("LDG.E.128.CONSTANT", 86, 0, 8, 2));
    assertEquals("d=1 s=[2]", widths("LDG.E.U16", 80, 0, 4, 2));
    // Without .E a global address is 32-bit on Pascal and 64-bit from sm_70 on.
    assertEquals("d=2 s=[1]", widths("LDG.64", 61, 0, 4, 2));
    assertEquals("d=2 s=[2]", widths("LDG.64", 70, 0, 4, 2));
    assertEquals("d=2 s=[2]", widths("LD.E.64", 80, 0, 4, 2));
    assertEquals("d=1 s=[1]", widths("LD", 80, 0, 4, 2));
    assertEquals("d=4 s=[1]", widths("LDS.U.128", 61, 0, 12, 2));
    assertEquals("d=2 s=[1]", widths("LDL.64", 80, 0, 4, 1));
    assertEquals("d=2 s=[]", widths("LDC.64", 80, 0, 4));
    assertEquals("d=4 s=[1]", widths("LDSM.16.M88.4", 80, 0, 4, 2));
    assertEquals("d=2 s=[1]", widths("LDSM.16.MT88.2", 80, 0, 4, 2));
  }

  @Test
  void storesListTheAddressFirstThenTheData() {
    assertEquals("d=- s=[2, 2]", widths("STG.E.64", 80, 0, -1, 2, 4));
    assertEquals("d=- s=[2, 4]", widths("STG.E.128", 80, 0, -1, 2, 4));
    assertEquals("d=- s=[1, 4]", widths("STS.128", 80, 0, -1, 2, 4));
    assertEquals("d=- s=[1, 4]", widths("STL.128", 80, 0, -1, 1, 8));
    assertEquals("d=- s=[1, 2]", widths("STSM.16.M88.2", 90, 0, -1, 2, 4));
    assertEquals("d=- s=[2, 1]", widths("RED.E.ADD.F32.FTZ.RN.STRONG.GPU", 80, 0, -1, 2, 4));
  }

  @Test
  void atomicsWhoseResultSitsAmongTheSources() {
    // ATOMG PT, R2, [R4.64], R5: operand 0 is a predicate, so R2 is traced as source 0.
    assertEquals("d=- s=[1, 2, 1]", widths("ATOMG.E.ADD.STRONG.GPU", 80, 0, -1, 2, 4, 5));
    assertEquals("d=- s=[2, 2, 2, 2]", widths("ATOMG.E.CAS.64.STRONG.GPU", 80, 0, -1, 2, 4, 6, 8));
    assertEquals("d=1 s=[1, 1, 1]", widths("ATOMS.CAST.SPIN", 80, 0, 1, 2, 4, 5));
    assertEquals("d=1 s=[1, 2, 2]", widths("ATOMS.CAST.SPIN.64", 80, 0, 1, 2, 4, 6));
    assertEquals("d=1 s=[1, 1]", widths("ATOMS.ADD", 80, 0, 1, 2, 4));
  }

  @Test
  void asyncCopyHasTwoAddressesAndNoData() {
    assertEquals("d=- s=[1, 2]", widths("LDGSTS.E.BYPASS.128", 80, 0, -1, 45, 10));
  }

  @Test
  void multiplyAddPairsAndTheImmediateThatTookB() {
    assertEquals("d=2 s=[1, 1, 2]", widths("IMAD.WIDE", 80, 0, 2, 6, 7, 8));
    // IMAD.WIDE R2, R6, R7, c[0x0][0x168]: no immediate, so the second source is B.
    assertEquals("d=2 s=[1, 1]", widths("IMAD.WIDE", 80, 0, 2, 6, 7));
    // IMAD.WIDE R2, R5, 0x8, R2: the immediate took B, so R2 is C, a pair.
    assertEquals("d=2 s=[1, 2]", widths("IMAD.WIDE", 90, 8, 2, 5, 2));
    assertEquals("d=2 s=[1, 1]", widths("IMAD.WIDE.U32", 80, -845247145, 2, 13, 255));
    assertEquals("d=1 s=[1, 1, 2]", widths("IMAD.HI.U32", 80, 0, 5, 3, 5, 2));
    assertEquals("d=1 s=[1, 1, 1]", widths("IMAD", 80, 0, 5, 3, 5, 2));
  }

  @Test
  void tensorFragments() {
    assertEquals("d=4 s=[4, 2, 4]", widths("HMMA.16816.F32", 80, 0, 8, 8, 12, 16));
    assertEquals("d=4 s=[4, 2, 4]", widths("HMMA.16816.F32.BF16", 86, 0, 8, 8, 12, 16));
    assertEquals("d=2 s=[4, 2, 2]", widths("HMMA.16816.F16", 80, 0, 8, 8, 12, 16));
    assertEquals("d=4 s=[4, 2, 4]", widths("HMMA.1688.F32.TF32", 80, 0, 8, 8, 12, 16));
    assertEquals("d=4 s=[2, 1, 4]", widths("HMMA.1688.F32", 80, 0, 8, 8, 12, 16));
    // A zero accumulator is RZ, which stays one register.
    assertEquals("d=4 s=[4, 2, 1]", widths("HMMA.16816.F32", 80, 0, 8, 8, 12, 255));
    assertEquals("d=4 s=[4, 2, 4]", widths("IMMA.16832.S8.S8", 80, 0, 8, 8, 12, 16));
    assertEquals("d=4 s=[2, 2, 4]", widths("DMMA.884", 80, 0, 8, 8, 12, 16));
  }

  @Test
  void doublesConversionsAndPairMoves() {
    assertEquals("d=2 s=[2, 2, 2]", widths("DFMA", 80, 0, 2, 4, 6, 8));
    assertEquals("d=2 s=[2, 2]", widths("DADD", 75, 0, 6, 4, 2));
    assertEquals("d=- s=[2, 2]", widths("DSETP.GT.AND", 80, 0, -1, 4, 6));
    assertEquals("d=2 s=[1]", widths("F2F.F64.F32", 80, 0, 2, 4));
    assertEquals("d=1 s=[2]", widths("F2F.F32.F64", 80, 0, 2, 4));
    assertEquals("d=2 s=[1]", widths("F2I.S64.TRUNC", 80, 0, 2, 4));
    assertEquals("d=2 s=[2]", widths("I2F.F64.S64", 80, 0, 2, 4));
    assertEquals("d=2 s=[]", widths("CS2R", 80, 0, 2));
    assertEquals("d=1 s=[]", widths("CS2R.32", 80, 0, 2));
    assertEquals("d=1 s=[1, 1, 1]", widths("FFMA", 80, 0, 2, 3, 4, 5));
    assertEquals("d=- s=[1, 1, 1]", widths("SHFL.UP", 80, 1, -1, 2, 11, 255));
  }

  @Test
  void rangesNeverReachIntoRz() {
    assertEquals("d=1 s=[2]", widths("LDG.E.128", 80, 0, 254, 2));
    assertEquals("d=3 s=[2]", widths("LDG.E.128", 80, 0, 252, 2));
    assertEquals("d=1 s=[1]", widths("LDG.E.64", 80, 0, 255, 255));
    int[] d = {RegisterRange.general(252)};
    TraceRegisterWidths.widen("LDG.E.128", 80, 0, d, new int[0]);
    assertArrayEquals(new int[] {RegisterRange.of(RegisterRange.GENERAL, 252, 3)}, d);
  }
}
