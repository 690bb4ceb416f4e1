package io.sassim.traces.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import io.sassim.traces.corpus.Corpus;
import io.sassim.traces.fixtures.ListingTraces;
import io.sassim.traces.fixtures.MemoryKernelTrace;
import io.sassim.traces.fixtures.MemoryTraceSource;
import io.sassim.traces.fixtures.VecaddTrace;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attaching the control bits of the corpus vecadd (sm_80) to a trace of it, and every way that fails. */
class ControlledKernelTraceTest {

  private static final String TRACE_FILE = "traces/vecadd/kernel-1.traceg";

  private static VecaddTrace vecadd;
  private static ControlBitSource fromListing;

  @BeforeAll
  static void load() throws InputException {
    vecadd = VecaddTrace.load();
    fromListing = ControlBitSource.read(List.of(vecadd.listingPath()));
  }

  @Test
  void listingBitsReachEveryInstructionAndIdsStayStable() throws InputException {
    assertAttached(fromListing);
  }

  @Test
  void cubinBitsAreTheListingBits() throws InputException {
    assertAttached(ControlBitSource.read(List.of(vecadd.cubinPath())));
    assertAttached(ControlBitSource.read(List.of(vecadd.cubinPath(), vecadd.listingPath())));
  }

  private static void assertAttached(ControlBitSource source) throws InputException {
    MemoryKernelTrace inner = vecadd.trace(3, 1);
    assertFalse(inner.hasControlBits(), "an NVBit-style trace has no control bits of its own");
    ControlledKernelTrace trace = source.attach(inner, TRACE_FILE);
    int ctas = 0;
    for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
      ctas++;
      assertTrue(trace.hasControlBits());
    }
    assertEquals(3, ctas);
    InstructionTable table = trace.instructions();
    // The reader interned the same uncontrolled lines again in CTAs 1 and 2: no duplicates.
    assertEquals(vecadd.path().size(), table.size());
    assertTrue(table.allHaveControl());
    for (StaticInstruction s : table.instructions()) {
      Instruction listed = vecadd.kernel().at(s.pc());
      assertEquals(listed.control().encode(), s.control(), listed.toString());
      assertEquals(listed.mnemonic(), s.opcode());
    }
    assertTrue(trace.mismatches().isEmpty());
  }

  @Test
  void unknownKernelNamesTheTraceAndListsWhatIsThere() {
    KernelTrace inner = single("vecAdd", 80, ListingTraces.staticOf(vecadd.kernel().at(0)));
    InputException e = assertThrows(InputException.class, () -> fromListing.attach(inner, TRACE_FILE));
    assertEquals(TRACE_FILE, e.file());
    assertTrue(e.getMessage().startsWith(TRACE_FILE + ": kernel 'vecAdd' is not in "
        + vecadd.listingPath() + "; they hold: vecadd"), e.getMessage());
  }

  @Test
  void pcPastTheEndOfTheListing() {
    StaticInstruction beyond = withPc(ListingTraces.staticOf(vecadd.kernel().at(0x110)), 0x200);
    InputException e = assertThrows(InputException.class,
        () -> drain(fromListing.attach(single("vecadd", 80, beyond), TRACE_FILE)));
    assertEquals(TRACE_FILE + ": kernel 'vecadd': the trace executes PC 0x0200 (NOP), but "
        + vecadd.listingPath() + " ends at 0x01f0", e.getMessage());
  }

  @Test
  void pcOffTheInstructionGrid() {
    StaticInstruction pascal = withPc(ListingTraces.staticOf(vecadd.kernel().at(0)), 0x8);
    InputException e = assertThrows(InputException.class,
        () -> drain(fromListing.attach(single("vecadd", 80, pascal), TRACE_FILE)));
    assertTrue(e.getMessage().contains("kernel 'vecadd': PC 0x0008 is not on a 16-byte"), e.getMessage());
  }

  @Test
  void opcodeMismatchNamesBothSpellings() {
    StaticInstruction fmul = withOpcode(ListingTraces.staticOf(vecadd.kernel().at(0xd0)), "FMUL");
    InputException e = assertThrows(InputException.class,
        () -> drain(fromListing.attach(single("vecadd", 80, fmul), TRACE_FILE)));
    assertEquals(TRACE_FILE + ": kernel 'vecadd', PC 0x00d0: the trace has FMUL, "
        + vecadd.listingPath() + " has FADD; the listing is not of the traced build", e.getMessage());
  }

  @Test
  void modifiersMustMatchToo() {
    StaticInstruction narrow = withOpcode(ListingTraces.staticOf(vecadd.kernel().at(0x80)), "IMAD");
    InputException e = assertThrows(InputException.class,
        () -> drain(fromListing.attach(single("vecadd", 80, narrow), TRACE_FILE)));
    assertTrue(e.getMessage().contains("the trace has IMAD, " + vecadd.listingPath()
        + " has IMAD.WIDE"), e.getMessage());
  }

  @Test
  void preVoltaTracesAreRefusedWithTheReason() {
    KernelTrace pascal = single("vecadd", 61, ListingTraces.staticOf(vecadd.kernel().at(0)));
    InputException e = assertThrows(InputException.class, () -> fromListing.attach(pascal, TRACE_FILE));
    assertTrue(e.getMessage().startsWith(TRACE_FILE + ": kernel 'vecadd' has binary version 61,"
        + " older than Volta (70)"), e.getMessage());
    assertTrue(e.getMessage().contains("scoreboard mode"), e.getMessage());
  }

  @Test
  void anotherTargetsListingIsNotTaken() {
    KernelTrace ampere86 = single("vecadd", 86, ListingTraces.staticOf(vecadd.kernel().at(0)));
    InputException e = assertThrows(InputException.class, () -> fromListing.attach(ampere86, TRACE_FILE));
    assertEquals(TRACE_FILE + ": kernel 'vecadd' was traced from binary version 86, but "
        + vecadd.listingPath() + " hold it for sm_80 only", e.getMessage());
  }

  @Test
  void theBuildOfTheTracedTargetIsChosen() throws InputException {
    Corpus corpus = Corpus.load(ListingTraces.repoRoot());
    ControlBitSource all = ControlBitSource.read(List.of(
        corpus.listing("vecadd", "sm_86"), vecadd.listingPath(), corpus.listing("vecadd", "sm_90")));
    assertEquals(3, all.builds("vecadd").size());
    ControlledKernelTrace t = all.attach(vecadd.trace(), TRACE_FILE);
    drain(t);
    assertEquals(vecadd.listingPath().toString(), t.kernelControl().files().get(0));
    assertEquals(vecadd.kernel().at(0x30).control().encode(), t.instructions().get(3).control());
  }

  @Test
  void reportModeKeepsGoingAndFallsBackToScoreboardMode() throws InputException {
    StaticInstruction fmul = withOpcode(ListingTraces.staticOf(vecadd.kernel().at(0xd0)), "FMUL");
    StaticInstruction mov = ListingTraces.staticOf(vecadd.kernel().at(0));
    ControlledKernelTrace t = new ControlledKernelTrace(
        single("vecadd", 80, mov, fmul), fromListing, TRACE_FILE, MismatchPolicy.REPORT);
    drain(t);
    assertFalse(t.hasControlBits());
    assertEquals(vecadd.kernel().at(0).control().encode(), t.instructions().get(0).control());
    assertFalse(t.instructions().get(1).hasControl());
    ControlMismatch m = t.mismatches().get(0);
    assertEquals(ControlMismatch.Kind.OPCODE, m.kind());
    assertEquals(0xd0, m.pc());
    assertEquals("vecadd", m.kernel());
    assertTrue(m.message().startsWith(TRACE_FILE + ": kernel 'vecadd', PC 0x00d0"), m.message());
  }

  @Test
  void reportModeWithoutTheKernel() throws InputException {
    ControlledKernelTrace t = new ControlledKernelTrace(
        single("other", 80, ListingTraces.staticOf(vecadd.kernel().at(0))), fromListing,
        TRACE_FILE, MismatchPolicy.REPORT);
    drain(t);
    assertFalse(t.hasControlBits());
    assertNull(t.kernelControl());
    assertFalse(t.instructions().get(0).hasControl());
    assertEquals(ControlMismatch.WHOLE_KERNEL, t.mismatches().get(0).pc());
    assertEquals(ControlMismatch.Kind.KERNEL_NOT_FOUND, t.mismatches().get(0).kind());
  }

  @Test
  void controlBitsATraceAlreadyCarriesAreChecked() {
    StaticInstruction mov = ListingTraces.staticOf(vecadd.kernel().at(0));
    int wrong = vecadd.kernel().at(0x10).control().encode();
    InputException e = assertThrows(InputException.class,
        () -> drain(fromListing.attach(single("vecadd", 80, mov.withControl(wrong)), TRACE_FILE)));
    assertTrue(e.getMessage().contains("PC 0x0000 (MOV): the trace carries control "
        + "B------:R-:W0:-:S04, " + vecadd.listingPath() + " has B------:R-:W-:-:S02"), e.getMessage());
  }

  @Test
  void barSyncWithoutDeferBlockingMatchesTheListing() throws InputException {
    Path listing = Corpus.load(ListingTraces.repoRoot()).listing("reduce_sum", "sm_80");
    SassListing parsed = SassParser.parse(listing);
    Kernel k = parsed.kernels().get(0);
    Instruction bar = null;
    for (Instruction in : k.instructions()) {
      if (in.mnemonic().equals("BAR.SYNC.DEFER_BLOCKING")) {
        bar = in;
        break;
      }
    }
    assertNotNull(bar, "reduce_sum synchronises its block");
    StaticInstruction traced = new StaticInstruction(bar.pc(), StaticInstruction.NO_LINE,
        "BAR.SYNC", new int[0], new int[0], 0, false, 0, StaticInstruction.NO_CONTROL);
    ControlledKernelTrace t =
        ControlBitSource.of(parsed).attach(single(k.name(), 80, traced), TRACE_FILE);
    drain(t);
    assertEquals(bar.control().encode(), t.instructions().get(0).control());
  }

  @Test
  void aSourceOpensEveryKernelWithBitsAndClosesOnFailure() throws InputException {
    MemoryKernelTrace[] missing = new MemoryKernelTrace[1];
    MemoryTraceSource program = new MemoryTraceSource("kernelslist.g")
        .memcpy(VecaddTrace.A, 400)
        .kernel("kernel-1.traceg", vecadd::trace)
        .kernel("kernel-2.traceg", () -> missing[0] =
            single("saxpy", 80, ListingTraces.staticOf(vecadd.kernel().at(0))));
    ControlledTraceSource source = fromListing.attach(program, MismatchPolicy.FAIL);
    assertEquals(program.commands(), source.commands());
    assertEquals("kernelslist.g", source.origin());
    KernelTrace first = source.openKernel((TraceCommand.Kernel) program.commands().get(1));
    drain(first);
    assertTrue(first.hasControlBits());
    InputException e = assertThrows(InputException.class,
        () -> source.openKernel((TraceCommand.Kernel) program.commands().get(2)));
    assertTrue(e.getMessage().startsWith("kernel-2.traceg: kernel 'saxpy' is not in"), e.getMessage());
    assertTrue(missing[0].isClosed(), "the reader of a refused kernel is closed");

    ControlledTraceSource lenient = fromListing.attach(program, MismatchPolicy.REPORT);
    for (int replay = 0; replay < 2; replay++) {
      drain(lenient.openKernel((TraceCommand.Kernel) program.commands().get(2)));
    }
    assertEquals(1, lenient.mismatches().size(), "a replayed kernel reports once");
  }

  @Test
  void replacedInstructionsStillInternToTheirId() {
    InstructionTable table = new InstructionTable();
    StaticInstruction plain = ListingTraces.staticOf(vecadd.kernel().at(0x30));
    int id = table.intern(plain);
    table.replace(id, plain.withControl(5));
    assertEquals(id, table.intern(plain));
    assertEquals(id, table.intern(plain.withControl(5)));
    assertEquals(1, table.size());
    assertEquals(5, table.get(id).control());
  }

  private static MemoryKernelTrace single(String name, int binaryVersion, StaticInstruction... instrs) {
    List<MemoryKernelTrace.Entry> warp = new ArrayList<>();
    for (StaticInstruction s : instrs) {
      warp.add(new MemoryKernelTrace.Entry(s, -1));
    }
    KernelLaunch launch = ListingTraces.launch(name, 1, binaryVersion, new Dim3(1, 1, 1), new Dim3(32, 1, 1));
    return new MemoryKernelTrace(launch, List.of(new MemoryKernelTrace.Cta(new Dim3(0, 0, 0), List.of(warp))));
  }

  private static StaticInstruction withOpcode(StaticInstruction s, String opcode) {
    return new StaticInstruction(s.pc(), s.lineNumber(), opcode, s.destinations(), s.sources(),
        s.memoryWidth(), s.hasImmediate(), s.immediate(), s.control());
  }

  private static StaticInstruction withPc(StaticInstruction s, int pc) {
    return new StaticInstruction(pc, s.lineNumber(), s.opcode(), s.destinations(), s.sources(),
        s.memoryWidth(), s.hasImmediate(), s.immediate(), s.control());
  }

  private static void drain(KernelTrace t) throws InputException {
    while (t.nextCta() != null) {
      // read every block so that every instruction is matched
    }
  }
}
