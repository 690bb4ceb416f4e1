package io.sassim.isa.sass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden checks on hand-read instructions of real compiler listings, and the parser's errors. */
class SassParserTest {

  private static final String SAXPY_86 = "traces/kernels/saxpy/saxpy.sm_86.sass";
  private static final String VECADD_90 = "traces/kernels/vecadd/vecadd.sm_90.sass";

  private static Kernel only(String listing) throws InputException {
    SassListing l = CorpusListings.parse(listing);
    assertEquals(1, l.kernels().size());
    return l.kernels().get(0);
  }

  private static List<String> lines(String listing) throws IOException {
    return new ArrayList<>(Files.readAllLines(CorpusListings.file(listing)));
  }

  private static SassListing parseLines(List<String> lines) throws InputException {
    return SassParser.parse("test.sass", String.join("\n", lines) + "\n");
  }

  @Test
  void listingHeaderAndKernel() throws InputException {
    SassListing l = CorpusListings.parse(SAXPY_86);
    assertEquals(Architecture.SM_86, l.architecture());
    assertEquals("sm_86", l.header().get("arch"));
    assertTrue(l.header().get("cubin").startsWith("saxpy.sm_86.cubin sha256="));
    Kernel k = l.kernel("saxpy");
    assertEquals(Architecture.SM_86, k.architecture());
    assertEquals(24, k.size());
    assertEquals(0xd0, k.at(0xd0).pc());
    assertNull(k.at(0x18));
    assertNull(k.at(24 * 16));
  }

  /** S2R sets SB0; the IMAD that reads its result waits on SB0 (sass-toolchain.md worked check). */
  @Test
  void s2rSetsScoreboardAndItsConsumerWaits() throws InputException {
    Kernel k = only(SAXPY_86);
    Instruction s2r = k.at(0x10);
    assertEquals("S2R", s2r.opcode());
    assertEquals(new SpecialRegisterOperand("SR_CTAID.X"), s2r.operand(1));
    assertEquals(0, s2r.control().writeBarrier());
    assertEquals(4, s2r.control().stall());
    assertEquals(0x000e280000002500L, s2r.encodingHigh());
    assertEquals(0x0000000000047919L, s2r.encodingLow());
    assertEquals(12, s2r.line());

    Instruction imad = k.at(0x30);
    assertEquals("IMAD R4, R4, c[0x0][0x0], R3", imad.text());
    assertTrue(imad.control().waitsOn(0));
    assertEquals(0b000001, imad.control().waitMask());
    assertEquals(new ConstantOperand(0, null, 0, false, false, false), imad.operand(2));
  }

  /** LDG sets a write barrier (SB2); the FFMA consuming the loads waits on it. */
  @Test
  void loadSetsWriteBarrierAndFfmaWaits() throws InputException {
    Kernel k = only(SAXPY_86);
    Instruction ldg = k.at(0xa0);
    assertEquals("LDG", ldg.opcode());
    assertEquals(List.of("E", "CONSTANT"), ldg.modifiers());
    assertEquals("B------:R-:W2:-:S04", ldg.control().format());
    MemoryOperand address = assertInstanceOf(MemoryOperand.class, ldg.operand(1));
    assertTrue(address.wide());
    assertEquals(2, address.base().count());
    assertEquals(32, address.widthBits());

    Instruction ffma = k.at(0xc0);
    assertEquals("FFMA", ffma.opcode());
    assertTrue(ffma.control().waitsOn(2));
    assertEquals("B--2---:R-:W-:Y:S05", ffma.control().format());
  }

  /** sm_90 vecadd: IMAD.WIDE writes a pair and adds a pair; LDG goes through a memory descriptor. */
  @Test
  void wideMultiplyAddAndDescriptorLoad() throws InputException {
    Kernel k = only(VECADD_90);
    Instruction wide = k.at(0xc0);
    assertEquals("IMAD.WIDE R2, R9, 0x4, R2", wide.text());
    assertEquals(List.of("WIDE"), wide.modifiers());
    assertEquals(2, ((RegisterOperand) wide.operand(0)).count());
    assertEquals(1, ((RegisterOperand) wide.operand(1)).count());
    assertEquals(new IntImmediate("0x4", 4), wide.operand(2));
    assertEquals(2, ((RegisterOperand) wide.operand(3)).count());

    MemoryOperand m = (MemoryOperand) k.at(0xd0).operand(1);
    assertEquals(RegisterFile.UR, m.descriptor().file());
    assertEquals(4, m.descriptor().index());
    assertEquals(2, m.base().index());
    assertTrue(m.wide());
    assertFalse(m.hasOffset());

    Instruction exit = k.at(0x70);
    assertEquals(new Guard(RegisterFile.P, 0, false), exit.guard());
    assertEquals("@P0 EXIT", exit.text());
    assertEquals(new BranchTarget(0x140), k.at(0x140).operand(0));
  }

  /** An FFMA chain of the tiled SGEMM: the printed .reuse and the encoded reuse bit 0 agree. */
  @Test
  void ffmaChainReuseFlags() throws InputException {
    Kernel k = only("traces/kernels/sgemm_tiled/sgemm_tiled.sm_86.sass");
    Instruction ffma = k.at(0x420);
    assertEquals("FFMA R9, R34.reuse, R16, R9", ffma.text());
    assertTrue(((RegisterOperand) ffma.operand(1)).reuse());
    assertFalse(((RegisterOperand) ffma.operand(2)).reuse());
    assertTrue(ffma.control().reuses(0));
    assertEquals(1, ffma.control().reuse());
    // The next FFMA of the chain reuses a different A register.
    Instruction next = k.at(0x470);
    assertEquals("FFMA R16, R12.reuse, R17, R9", next.text());
    assertEquals(1, next.control().reuse());
  }

  @Test
  void tensorFragmentsAndMatrixLoads() throws InputException {
    Kernel k = only("traces/kernels/hgemm_mma/hgemm_mma.sm_86.sass");
    Instruction mma = k.at(0x490);
    assertEquals("HMMA.16816.F32 R16, R16, R24, R12", mma.text());
    int[] expected = {4, 4, 2, 4};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], ((RegisterOperand) mma.operand(i)).count(), "operand " + i);
    }
    assertEquals(4, ((RegisterOperand) k.at(0x420).operand(0)).count()); // LDSM.16.M88.4
    assertEquals(2, ((RegisterOperand) k.at(0x410).operand(0)).count()); // LDSM.16.M88.2
    assertEquals(128, ((MemoryOperand) k.at(0x410).operand(1)).widthBits());
  }

  @Test
  void vectorSharedLoad() throws InputException {
    Kernel k = only("traces/kernels/sgemm_tiled/sgemm_tiled.sm_86.sass");
    Instruction lds = k.at(0x3a0);
    assertEquals("LDS.128 R20, [R29+0x400]", lds.text());
    assertEquals(4, ((RegisterOperand) lds.operand(0)).count());
    MemoryOperand m = (MemoryOperand) lds.operand(1);
    assertEquals(128, m.widthBits());
    assertEquals(0x400, m.offset());
    assertFalse(m.wide());
  }

  /** cp.async.wait_group 1 compiles to DEPBAR.LE SB0, 0x1; the clock read writes a pair. */
  @Test
  void depbarAndClock() throws InputException {
    Kernel k = only("traces/kernels/async_copy/async_copy.sm_80.sass");
    Instruction depbar = k.at(0x2b0);
    assertEquals("DEPBAR", depbar.opcode());
    assertEquals(List.of("LE"), depbar.modifiers());
    assertEquals(List.of(new ScoreboardOperand(0), new IntImmediate("0x1", 1)), depbar.operands());

    // The microbenchmark is still being tuned, so find the clock read by its text, not its PC.
    Instruction cs2r = first(only("validation/microbench/alu_latency/alu_latency.sm_90.sass"), "CS2R");
    assertEquals(new SpecialRegisterOperand("SR_CLOCKLO"), cs2r.operand(1));
    assertEquals(2, ((RegisterOperand) cs2r.operand(0)).count());
  }

  /** The brace list of DEPBAR (not in the corpus yet), on a real DEPBAR line. */
  @Test
  void depbarScoreboardList() throws IOException, InputException {
    List<String> l = lines("traces/kernels/async_copy/async_copy.sm_80.sass");
    int i = indexOf(l, "DEPBAR.LE SB0, 0x1 ;");
    l.set(i, l.get(i).replace("DEPBAR.LE SB0, 0x1 ;", "DEPBAR.LE SB0, 0x1, {5,4,1} ;"));
    Instruction in = parseLines(l).kernels().get(0).at(0x2b0);
    assertEquals(new ScoreboardSet(0b110010, true), in.operand(2));
    assertEquals("DEPBAR.LE SB0, 0x1, {5,4,1}", in.text());
  }

  /**
   * The scan kernel's sm_90 listing brought two forms no earlier kernel had: P2R of the whole
   * predicate file and the ENDCOLLECTIVE that closes a divergent shuffle's collective region.
   */
  @Test
  void predicateFileAndCollectiveRegion() throws InputException {
    Kernel k = only("traces/kernels/scan/scan.sm_90.sass");
    Instruction p2r = first(k, "P2R");
    assertEquals(new PredicateFileOperand(false), p2r.operand(1));
    assertTrue(p2r.text().matches("P2R R\\d+, PR, RZ, 0x[0-9a-f]+"), p2r.text());
    Instruction end = first(k, "ENDCOLLECTIVE");
    assertEquals(List.of(), end.operands());
    assertEquals("SHFL", k.at(end.pc() - 0x10).opcode());
    assertEquals(List.of("COLLECTIVE"), k.at(end.pc() - 0x20).modifiers());
  }

  @Test
  void hopperWarpgroupMma() throws InputException {
    Instruction mma = first(only("traces/kernels/wgmma_tile/wgmma_tile.sm_90a.sass"), "HGMMA");
    assertEquals("HGMMA.64x8x16.F32 R24, gdesc[UR8], R24, UP0, gsb0", mma.text());
    assertEquals(4, ((RegisterOperand) mma.operand(0)).count());
    assertEquals(4, ((MatrixDescriptor) mma.operand(1)).base().count());
    assertEquals(4, ((RegisterOperand) mma.operand(2)).count());
    assertEquals(new WarpgroupScoreboard(0), mma.operand(4));
  }

  /**
   * mma_variants brought the b1 tensor op (BMMA), which had no width rule, and tf32 m16n8k4, whose
   * shape the HMMA rule did not know: both came out as single registers.
   */
  @Test
  void binaryAndTf32K4TensorFragments() throws InputException {
    Kernel k = only("traces/kernels/mma_variants/mma_variants.sm_86.sass");
    assertCounts(withMnemonic(k, "BMMA.168256.XOR.POPC"), "BMMA.168256.XOR.POPC R4, R12.ROW, R2.COL, R4", 4, 4, 2, 4);
    assertCounts(withMnemonic(k, "BMMA.168128.AND.POPC"), "BMMA.168128.AND.POPC R8, R20.ROW, R2.COL, R8", 4, 2, 1, 4);
    assertCounts(withMnemonic(k, "BMMA.88128.AND.POPC"), "BMMA.88128.AND.POPC R20, R13.ROW, R3.COL, R10", 2, 1, 1, 2);
    assertCounts(withMnemonic(k, "HMMA.1684.F32.TF32"), "HMMA.1684.F32.TF32 R4, R22, R3, R4", 4, 2, 1, 4);
  }

  private static void assertCounts(Instruction in, String text, int... counts) {
    assertEquals(text, in.text());
    for (int i = 0; i < counts.length; i++) {
      assertEquals(counts[i], ((RegisterOperand) in.operand(i)).count(), text + " operand " + i);
    }
  }

  static Instruction withMnemonic(Kernel k, String mnemonic) {
    for (Instruction in : k.instructions()) {
      if (in.mnemonic().equals(mnemonic)) {
        return in;
      }
    }
    throw new AssertionError("no " + mnemonic + " in " + k.name());
  }

  /**
   * half_ops brought an absolute value whose reuse flag and lane-pair swizzle both follow the bars
   * (|R13|.reuse.H0_H0 in HSETP2); a single-half select stays inside them (|R8.H1| in F2I.F16).
   */
  @Test
  void swizzleBehindAbsoluteBars() throws InputException {
    Kernel k = only("traces/kernels/half_ops/half_ops.sm_80.sass");
    Instruction setp = k.at(0x1f0);
    RegisterOperand a = (RegisterOperand) setp.operand(2);
    assertTrue(a.absolute() && a.reuse(), a.format());
    assertEquals("H0_H0", a.swizzle());
    assertEquals("|R13|.reuse.H0_H0", a.format());
    assertTrue(setp.control().reuses(0));
    Instruction f2i = withMnemonic(k, "F2I.U32.F16.CEIL.NTZ");
    RegisterOperand h = (RegisterOperand) f2i.operand(1);
    assertEquals("H1", h.swizzle());
    assertTrue(h.format().matches("\\|R\\d+\\.H1\\|"), h.format());
  }

  @Test
  void unknownSuffixBehindAbsoluteBars() throws IOException {
    List<String> l = lines("traces/kernels/half_ops/half_ops.sm_80.sass");
    int i = indexOf(l, "/*01f0*/");
    l.set(i, l.get(i).replace("|R13|.reuse.H0_H0", "|R13|.H0_H0.reuse"));
    InputException e = failure(l);
    assertEquals(i + 1, e.line());
    assertEquals("unexpected '.H0_H0.reuse' after '|R13|'", e.problem());
  }

  /** hopper_misc's stmatrix x4: STSM puts the data block after the address, four registers. */
  @Test
  void matrixStoreDataBlock() throws InputException {
    Kernel k = only("traces/kernels/hopper_misc/hopper_misc.sm_90.sass");
    Instruction x4 = withMnemonic(k, "STSM.16.MT88.4");
    assertEquals("STSM.16.MT88.4 [R10], R4", x4.text());
    assertEquals(1, ((MemoryOperand) x4.operand(0)).base().count());
    assertEquals(4, ((RegisterOperand) x4.operand(1)).count());
    assertEquals(1, ((RegisterOperand) withMnemonic(k, "STSM.16.M88").operand(1)).count());
  }

  /** An instruction printed without PC and mnemonic becomes an unprinted instruction at prev + 0x10. */
  @Test
  void encodingOnlyLinePair() throws IOException, InputException {
    List<String> l = lines(VECADD_90);
    int i = indexOf(l, "/*0040*/");
    String low = l.get(i).substring(l.get(i).lastIndexOf("/*"));
    l.set(i, "                                                                          " + low);
    Kernel k = parseLines(l).kernels().get(0);
    Instruction in = k.at(0x40);
    assertTrue(in.isUnprinted());
    assertEquals(0x0000000409097c24L, in.encodingLow());
    assertEquals(0x002fe2000f8e0200L, in.encodingHigh());
    assertTrue(in.control().waitsOn(1));
    assertEquals(0x50, k.at(0x50).pc());
    assertEquals("ULDC", k.at(0x50).opcode());
  }

  @Test
  void rawCuobjdumpOutputWithSeveralFunctions() throws IOException, InputException {
    List<String> raw = new ArrayList<>();
    for (String s : lines("traces/kernels/vecadd/vecadd.sm_86.sass")) {
      if (!s.startsWith("//")) {
        raw.add(s);
      }
    }
    List<String> saxpy = lines(SAXPY_86);
    raw.addAll(saxpy.subList(indexOf(saxpy, "Function : saxpy"), saxpy.size()));
    SassListing l = parseLines(raw);
    assertTrue(l.header().isEmpty());
    assertEquals(List.of("vecadd", "saxpy"), List.of(l.kernels().get(0).name(), l.kernels().get(1).name()));
    assertEquals("saxpy", l.kernel("saxpy").at(0x10).kernel());
    assertEquals(Architecture.SM_86, l.kernel("saxpy").architecture());
  }

  // ---- errors: each one names the file and line ----

  private static InputException failure(List<String> l) {
    return assertThrows(InputException.class, () -> parseLines(l));
  }

  @Test
  void unknownArchitecture() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "code for sm_86");
    l.set(i, "\tcode for sm_75");
    l.removeIf(s -> s.startsWith("// sassim: arch"));
    InputException e = failure(l);
    assertEquals(i, e.line()); // one header line removed above
    assertTrue(e.getMessage().startsWith("test.sass:" + i + ": unknown architecture 'sm_75'"), e.getMessage());
  }

  @Test
  void truncatedFileMissingTheLastHighWord() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "/*0170*/");
    List<String> cut = new ArrayList<>(l.subList(0, i + 1));
    InputException e = failure(cut);
    assertEquals(i + 1, e.line());
    assertTrue(e.problem().contains("truncated"), e.problem());
  }

  @Test
  void missingHighWordInTheMiddle() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "/*0030*/");
    l.remove(i + 1);
    InputException e = failure(l);
    assertEquals(i + 2, e.line());
    assertTrue(e.problem().contains("high encoding word of the instruction on line " + (i + 1)), e.problem());
  }

  @Test
  void malformedLine() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "/*0030*/");
    l.add(i, "        this is not SASS");
    InputException e = failure(l);
    assertEquals(i + 1, e.line());
    assertTrue(e.problem().startsWith("malformed line"), e.problem());
  }

  @Test
  void pcOutOfSequence() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "/*0030*/");
    l.set(i, l.get(i).replace("/*0030*/", "/*0038*/"));
    InputException e = failure(l);
    assertEquals(i + 1, e.line());
    assertTrue(e.problem().contains("expected 0x0030"), e.problem());
  }

  @Test
  void unparseableOperand() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "/*0030*/");
    l.set(i, l.get(i).replace("c[0x0][0x0]", "q[0x0][0x0]"));
    InputException e = failure(l);
    assertEquals(i + 1, e.line());
    assertEquals("unparseable operand 'q[0x0][0x0]'", e.problem());
  }

  @Test
  void registerOutOfRange() throws IOException {
    List<String> l = lines(SAXPY_86);
    int i = indexOf(l, "/*0030*/");
    l.set(i, l.get(i).replace("R3 ;", "R255 ;"));
    assertTrue(failure(l).problem().contains("R255 does not exist"));
  }

  @Test
  void emptyInput() {
    InputException e = assertThrows(InputException.class, () -> SassParser.parse("empty.sass", ""));
    assertEquals("empty.sass: no functions found (expected cuobjdump -sass output)", e.getMessage());
  }

  /** The first instruction with this opcode. */
  static Instruction first(Kernel k, String opcode) {
    for (Instruction in : k.instructions()) {
      if (in.opcode().equals(opcode)) {
        return in;
      }
    }
    throw new AssertionError("no " + opcode + " in " + k.name());
  }

  static int indexOf(List<String> lines, String needle) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i;
      }
    }
    throw new AssertionError("no line contains " + needle);
  }
}
