package io.sassim.isa.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ControlBitsTest {

  /** sass-toolchain.md worked check (sm_86 saxpy): S2R sets SB0 with stall 4, its consumer waits on SB0. */
  @Test
  void workedCheckFromTheToolchainNotes() {
    ControlBits s2r = ControlBits.decode(0x000e280000002500L);
    assertEquals(0, s2r.writeBarrier());
    assertEquals(ControlBits.NONE, s2r.readBarrier());
    assertEquals(4, s2r.stall());
    assertEquals(0, s2r.waitMask());

    ControlBits imad = ControlBits.decode(0x001fca00078e0203L);
    assertEquals(0b000001, imad.waitMask());
    assertFalse(imad.setsWriteBarrier());
  }

  /** sass-semantics.md §10: S2R high word 0x000e220000002100 sets SB0, stall 1, no yield. */
  @Test
  void s2rOfSemanticsNotes() {
    ControlBits c = ControlBits.decode(0x000e220000002100L);
    assertEquals(0, c.writeBarrier());
    assertEquals(1, c.stall());
    assertFalse(c.yield());
    assertEquals("B------:R-:W0:-:S01", c.format());

    ControlBits consumer = ControlBits.decode(0x001fca00078e0003L);
    assertEquals("B0-----:R-:W-:Y:S05", consumer.format());
  }

  /** model-facts.md §1.1: a Turing FADD with high word 0x000fc80000010100 is stall 4, yield, nothing else. */
  @Test
  void turingFaddExample() {
    ControlBits c = ControlBits.decode(0x000fc80000010100L);
    assertEquals(new ControlBits(4, true, 7, 7, 0, 0), c);
    assertEquals("B------:R-:W-:Y:S04", c.format());
  }

  @Test
  void formatShowsEveryField() {
    assertEquals("B0-2---:R-:W1:Y:S04", new ControlBits(4, true, 1, 7, 0b101, 0).format());
    assertEquals("B012345:R3:W5:-:S15", new ControlBits(15, false, 5, 3, 0x3F, 0xF).format());
  }

  /** Every field combination (2^21 of them) survives encode then decode, with random other bits. */
  @Test
  void encodeDecodeRoundTrip() {
    SplittableRandom random = new SplittableRandom(41);
    long field = ((1L << 21) - 1) << 41;
    for (int ctrl = 0; ctrl < (1 << 21); ctrl++) {
      ControlBits c = new ControlBits(ctrl & 0xF, ((ctrl >> 4) & 1) == 0, (ctrl >> 5) & 7,
          (ctrl >> 8) & 7, (ctrl >> 11) & 0x3F, (ctrl >> 17) & 0xF);
      long otherBits = random.nextLong();
      long high = c.insertInto(otherBits);
      if (!c.equals(ControlBits.decode(high)) || (otherBits & ~field) != (high & ~field)) {
        assertEquals(c, ControlBits.decode(high), "ctrl " + Integer.toHexString(ctrl));
        assertEquals(otherBits & ~field, high & ~field, "bits outside the field, ctrl " + ctrl);
      }
    }
  }

  @Test
  void decodeEncodeRoundTrip() {
    SplittableRandom random = new SplittableRandom(105);
    for (int i = 0; i < 100_000; i++) {
      long high = random.nextLong();
      assertEquals((int) ((high >>> 41) & 0x1FFFFF), ControlBits.decode(high).encode(),
          "high word " + Long.toHexString(high));
    }
  }

  /**
   * The reuse bits of the encoding and the {@code .reuse} flags printed by cuobjdump agree over the
   * whole corpus, with operands mapped to slots by {@link SourceSlots}.
   */
  @Test
  void reuseBitsMatchPrintedReuseFlagsOverTheCorpus() throws InputException {
    List<String> mismatches = new ArrayList<>();
    int flagged = 0;
    for (SassListing l : CorpusListings.parseAll()) {
      for (Kernel k : l.kernels()) {
        for (Instruction in : k.instructions()) {
          int printed = SourceSlots.printedReuseMask(in);
          flagged += Integer.bitCount(printed);
          if (printed != in.control().reuse()) {
            mismatches.add(l.source() + ":" + in.line() + ": " + in.text() + " has reuse bits "
                + Integer.toBinaryString(in.control().reuse()));
          }
        }
      }
    }
    assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
    assertTrue(flagged > 50, "corpus has only " + flagged + " .reuse flags");
  }
}
