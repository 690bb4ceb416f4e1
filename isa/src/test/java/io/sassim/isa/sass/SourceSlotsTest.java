package io.sassim.isa.sass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sassim.isa.InputException;
import io.sassim.isa.corpus.CorpusFiles;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Source slots of real saxpy instructions (sm_86), operand by operand. */
class SourceSlotsTest {

  private static final int N = SourceSlots.NONE;

  @Test
  void slotsOfSaxpy() throws InputException {
    SassListing listing = SassParser.parse(CorpusFiles.file("traces/kernels/saxpy/saxpy.sm_86.sass"));
    Map<Integer, Instruction> byPc = new HashMap<>();
    for (Instruction in : listing.kernels().get(0).instructions()) {
      byPc.put(in.pc(), in);
    }
    // FFMA R7, R2, c[0x0][0x160], R7: destination, then A, B, C.
    assertArrayEquals(new int[] {N, 0, 1, 2}, SourceSlots.of(byPc.get(0xc0)));
    // ISETP.GE.AND P0, PT, R4, c[0x0][0x178], PT: predicates take no slot; no register destination.
    assertArrayEquals(new int[] {N, N, 0, 1, N}, SourceSlots.of(byPc.get(0x40)));
    // MOV R1, c[0x0][0x28]: MOV's one source is encoded in slot B.
    assertArrayEquals(new int[] {N, 1}, SourceSlots.of(byPc.get(0x0)));
  }
}
