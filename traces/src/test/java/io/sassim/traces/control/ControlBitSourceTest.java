package io.sassim.traces.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import io.sassim.traces.corpus.Corpus;
import io.sassim.traces.corpus.CorpusKernel;
import io.sassim.traces.fixtures.ListingTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading control bits from the corpus: listings and cubins agree everywhere, conflicts are caught. */
class ControlBitSourceTest {

  @Test
  void cubinAndListingAgreeOnEveryCorpusInstruction() throws InputException {
    Corpus corpus = Corpus.load(ListingTraces.repoRoot());
    int instructions = 0;
    List<String> problems = new ArrayList<>();
    for (CorpusKernel ck : corpus.kernels()) {
      for (String arch : ck.archs()) {
        SassListing listing = SassParser.parse(ck.listing(arch));
        ControlBitSource cubin = ControlBitSource.read(List.of(ck.cubin(arch)));
        assertEquals(listing.kernels().size(), cubin.kernelNames().size(), ck.cubin(arch).toString());
        for (Kernel k : listing.kernels()) {
          List<KernelControl> builds = cubin.builds(k.name());
          assertEquals(1, builds.size(), ck.cubin(arch) + " " + k.name());
          KernelControl c = builds.get(0);
          assertEquals(k.architecture(), c.architecture());
          assertEquals(k.size(), c.instructionCount(), ck.cubin(arch) + " " + k.name());
          for (Instruction in : k.instructions()) {
            if (c.control(in.pc()) != in.control().encode()) {
              problems.add(ck.cubin(arch) + " " + in);
            }
            assertNull(c.mnemonic(in.pc()), "a cubin has no disassembly");
            instructions++;
          }
        }
        // Both together merge: the listing lends its mnemonics to the cubin's bits.
        ControlBitSource both = ControlBitSource.read(List.of(ck.cubin(arch), ck.listing(arch)));
        for (Kernel k : listing.kernels()) {
          KernelControl merged = both.builds(k.name()).get(0);
          assertEquals(2, merged.files().size());
          Instruction first = k.instructions().get(0);
          assertEquals(first.isUnprinted() ? null : first.mnemonic(), merged.mnemonic(0));
        }
      }
    }
    assertTrue(problems.isEmpty(), problems.size() + " disagree, first " + problems.subList(0, Math.min(5, problems.size())));
    assertTrue(instructions > 10_000, "only " + instructions + " compared");
  }

  @Test
  void aListingOfAnotherBuildIsRefused(@TempDir Path dir) throws Exception {
    Path original = Corpus.load(ListingTraces.repoRoot()).listing("vecadd", "sm_80");
    String text = Files.readString(original);
    // The IMAD at 0x0030, with its stall count changed in the high word (bit 41).
    String edited = text.replace("0x001fca00078e0203", "0x001fc800078e0203");
    assertFalse(edited.equals(text));
    Path other = dir.resolve("vecadd.sm_80.sass");
    Files.writeString(other, edited);
    Path cubin = original.resolveSibling("vecadd.sm_80.cubin");
    InputException e = assertThrows(InputException.class,
        () -> ControlBitSource.read(List.of(cubin, other)));
    assertEquals(other + ": kernel 'vecadd' (sm_80), PC 0x0030: control B0-----:R-:W-:Y:S04 here"
        + " but B0-----:R-:W-:Y:S05 in " + cubin + ": the inputs are not the same build", e.getMessage());

    Path shorter = dir.resolve("short.sass");
    Files.writeString(shorter, Files.readString(original.resolveSibling("../saxpy/saxpy.sm_80.sass"))
        .replace("Function : saxpy", "Function : vecadd"));
    InputException count = assertThrows(InputException.class,
        () -> ControlBitSource.read(List.of(original, shorter)));
    assertTrue(count.getMessage().contains("instructions here but 32 in " + original), count.getMessage());
  }

  @Test
  void otherFilesAreNamed(@TempDir Path dir) throws Exception {
    Path trace = Files.writeString(dir.resolve("kernel-1.traceg"), "-kernel name = vecadd\n");
    InputException e = assertThrows(InputException.class, () -> ControlBitSource.read(List.of(trace)));
    assertTrue(e.getMessage().startsWith(trace + ": control bits come from a cuobjdump listing"), e.getMessage());
  }

  @Test
  void spellingRules() {
    assertTrue(OpcodeSpelling.same("IMAD.MOV.U32", "IMAD.MOV.U32"));
    assertTrue(OpcodeSpelling.same("BAR.SYNC", "BAR.SYNC.DEFER_BLOCKING"));
    assertTrue(OpcodeSpelling.same("LDG.E", null));
    assertFalse(OpcodeSpelling.same("IMAD.MOV", "IMAD.MOV.U32"));
    assertFalse(OpcodeSpelling.same("LDG.E.64", "LDG.E.128"));
    assertFalse(OpcodeSpelling.same("BAR.ARV", "BAR.SYNC.DEFER_BLOCKING"));
  }
}
