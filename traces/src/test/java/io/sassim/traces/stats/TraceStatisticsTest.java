package io.sassim.traces.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassParser;
import io.sassim.traces.control.ControlBitSource;
import io.sassim.traces.control.MismatchPolicy;
import io.sassim.traces.corpus.Corpus;
import io.sassim.traces.fixtures.ListingTraces;
import io.sassim.traces.fixtures.MemoryKernelTrace;
import io.sassim.traces.fixtures.MemoryKernelTrace.Entry;
import io.sassim.traces.fixtures.MemoryTraceSource;
import io.sassim.traces.fixtures.VecaddTrace;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.StaticInstruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statistics of traces built from real compiler SASS, checked against counts worked out by hand. */
class TraceStatisticsTest {

  private static VecaddTrace vecadd;
  private static Corpus corpus;

  @BeforeAll
  static void load() throws InputException {
    vecadd = VecaddTrace.load();
    corpus = Corpus.load(ListingTraces.repoRoot());
  }

  static MemoryTraceSource vecaddProgram(VecaddTrace vecadd) {
    return new MemoryTraceSource("vecadd-in-memory")
        .memcpy(VecaddTrace.A, 4 * VecaddTrace.N)
        .memcpy(VecaddTrace.B, 4 * VecaddTrace.N)
        .kernel("kernel-1.traceg", vecadd::trace);
  }

  @Test
  void vecaddCountedByHand() throws InputException {
    TraceStatistics s = TraceStatistics.compute(vecaddProgram(vecadd), 12_800, 1 << 10);
    assertEquals(1, s.kernels().size());
    KernelStatistics k = s.kernels().get(0);
    assertEquals("vecadd", k.name());
    assertEquals(1, k.kernelId());
    assertEquals("kernel-1.traceg", k.file());
    assertEquals(new Dim3(2, 1, 1), k.grid());
    assertEquals(new Dim3(64, 1, 1), k.block());
    assertEquals(80, k.binaryVersion());
    assertEquals("sm_80", k.opcodeTable());
    assertTrue(k.exactOpcodeTable());
    assertEquals(2, k.ctas());
    assertEquals(4, k.warps());
    assertEquals(4, k.warpSlots());
    // Four warps walk PCs 0x00..0xf0: 16 warp instructions each.
    assertEquals(64, k.warpInstructions());
    // Three full warps: 15 instructions x 32 lanes (the @P0 EXIT runs with mask 0). The last warp
    // (threads 96..127, n = 100): 5 x 32 before the EXIT, 28 lanes leave there, 10 x 4 after it.
    assertEquals(3 * 15 * 32 + (5 * 32 + 28 + 10 * 4), k.threadInstructions());
    assertEquals(16, k.staticInstructions());
    // Per warp: MOV, ISETP (INT); 2 S2R, 2 LDG, STG (MEMORY); IMAD, 3 IMAD.WIDE, FADD (FP32);
    // 2 EXIT (BRANCH); HFMA2.MMA (HALF); ULDC.64 (UNIFORM).
    assertEquals(mix(Map.of("INT", 8L, "MEMORY", 20L, "FP32", 20L, "BRANCH", 8L, "HALF", 4L,
        "UNIFORM", 4L)), k.instructionMix());
    MemoryStatistics m = k.memory();
    assertEquals(12, m.instructions());
    assertEquals(12, m.globalInstructions());
    assertEquals(0, m.sharedInstructions() + m.localInstructions());
    // 3 accesses of 4 bytes per thread with i < 100.
    assertEquals(3 * 4 * 100, m.bytes());
    // Each array: 400 bytes from an aligned base, 13 sectors (12.5 rounded up) and 4 lines.
    assertEquals(3 * 13, m.sectors());
    assertEquals(3 * 4, m.lines());
    assertTrue(m.exact());
    assertFalse(k.hasControlBits(), "an NVBit-style trace without attachment");

    assertEquals(64, s.totalWarpInstructions());
    assertEquals(k.threadInstructions(), s.totalThreadInstructions());
    assertEquals(2, s.totalCtas());
    assertEquals(4, s.totalWarps());
    assertEquals(k.instructionMix(), s.instructionMix());
    assertEquals(m, s.memory());
    assertEquals(new MemcpyStatistics(2, 800), s.memcpy());
    assertEquals(12_800L, s.inputBytes());
    assertEquals(200.0, s.bytesPerInstruction());
    assertFalse(s.hasControlBits());
    assertEquals("vecadd-in-memory", s.origin());
  }

  @Test
  void attachedControlBitsShow() throws InputException {
    ControlBitSource listing = ControlBitSource.read(List.of(vecadd.listingPath()));
    TraceStatistics s = TraceStatistics.compute(
        listing.attach(vecaddProgram(vecadd), MismatchPolicy.FAIL), InputSize.UNKNOWN, 1 << 10);
    assertTrue(s.kernels().get(0).hasControlBits());
    assertTrue(s.hasControlBits());
    assertNull(s.inputBytes());
    assertNull(s.bytesPerInstruction());
  }

  @Test
  void footprintIsDistinctOverTheProgram() throws InputException {
    MemoryTraceSource twice = vecaddProgram(vecadd).kernel("kernel-2.traceg", () -> vecadd.trace(1, 2));
    TraceStatistics s = TraceStatistics.compute(twice, 1, 1 << 10);
    assertEquals(2, s.kernels().size());
    KernelStatistics second = s.kernels().get(1);
    // One CTA: threads 0..63, all below n: 256 bytes, 8 sectors and 2 lines per array.
    assertEquals(3 * 8, second.memory().sectors());
    assertEquals(3 * 2, second.memory().lines());
    assertEquals(64 + 32, s.totalWarpInstructions());
    // The second kernel touches a subset of the first one's sectors.
    assertEquals(3 * 13, s.memory().sectors());
    assertEquals(3 * 4, s.memory().lines());
    assertEquals(s.kernels().get(0).memory().bytes() + second.memory().bytes(), s.memory().bytes());
  }

  @Test
  void sharedLocalAndGenericSpaces() throws InputException {
    StaticInstruction lds = find("sgemm_tiled", "sm_80", "LDS.128");
    StaticInstruction ldl = find("local_array", "sm_80", "LDL.64");
    StaticInstruction ld = find("cluster_exchange", "sm_90", "LD.E");
    StaticInstruction ldg = find("hgemm_mma", "sm_80", "LDG.E.128.CONSTANT");
    KernelLaunch launch = ListingTraces.launch("mixed", 1, 90, new Dim3(1, 1, 1), new Dim3(32, 1, 1));
    long shared = launch.sharedWindowBase();
    long local = launch.localWindowBase();
    long global = 0x7f0000400000L;
    List<Entry> warp = List.of(
        new Entry(lds, 0xffffffff, lanes(0x400, 16, 32)),
        new Entry(ldl, 0x0000ffff, lanes(local + 0x20, 0, 16)),
        new Entry(ld, 0x000000ff, lanes(shared + 0x100, 4, 8)),
        new Entry(ld, 0x00000003, lanes(global + 0x1000, 4, 2)),
        new Entry(ldg, 0xffffffff, lanes(global, 16, 32)),
        new Entry(ldg, 0, new long[0]));
    MemoryTraceSource p = new MemoryTraceSource("mixed").kernel("k.traceg", () ->
        new MemoryKernelTrace(launch, List.of(new MemoryKernelTrace.Cta(new Dim3(0, 0, 0), List.of(warp)))));
    MemoryStatistics m = TraceStatistics.compute(p, 0, 1 << 10).kernels().get(0).memory();
    assertEquals(6, m.instructions());
    assertEquals(2, m.sharedInstructions(), "the LDS and the LD into the shared window");
    assertEquals(1, m.localInstructions());
    assertEquals(3, m.globalInstructions(), "the global LD, the LDG and the predicated-off LDG");
    assertEquals(32 * 16 + 16 * 8 + 8 * 4 + 2 * 4 + 32 * 16, m.bytes());
    // Global only: 512 bytes of LDG.128 (16 sectors, 4 lines) and 8 bytes of LD in one more
    // sector of another line.
    assertEquals(17, m.sectors());
    assertEquals(5, m.lines());
  }

  @Test
  void olderBinaryVersionsBorrowATableAndSayWhatTheyCannotClassify() throws InputException {
    StaticInstruction ffma = instr(0x10, "FFMA");
    StaticInstruction xmad = instr(0x18, "XMAD.MRG"); // Pascal's integer multiply-add
    KernelLaunch pascal = ListingTraces.launch("_Z6vecAddIfEvPT_S1_S1_i", 1, 61,
        new Dim3(1, 1, 1), new Dim3(64, 1, 1));
    List<Entry> busy = List.of(new Entry(ffma, -1), new Entry(xmad, -1), new Entry(xmad, 0xff));
    MemoryTraceSource p = new MemoryTraceSource("pascal").kernel("kernel-1.traceg", () ->
        new MemoryKernelTrace(pascal, List.of(new MemoryKernelTrace.Cta(new Dim3(0, 0, 0),
            List.of(busy, List.of())))));
    KernelStatistics k = TraceStatistics.compute(p, 0, 1 << 10).kernels().get(0);
    assertEquals("sm_80", k.opcodeTable());
    assertFalse(k.exactOpcodeTable());
    assertEquals(1L, k.instructionMix().get("FP32"));
    assertEquals(2L, k.instructionMix().get("UNCLASSIFIED"));
    assertEquals(1, k.warps(), "the second warp ran nothing");
    assertEquals(2, k.warpSlots());
    assertEquals(32 + 32 + 8, k.threadInstructions());
    assertEquals("sm_90a", OpcodeClasses.forBinaryVersion(90).tableName());
    assertEquals("sm_86", OpcodeClasses.forBinaryVersion(87).tableName());
    assertFalse(OpcodeClasses.forBinaryVersion(87).exact());
  }

  @Test
  void aFootprintPastTheLimitIsALowerBound() throws InputException {
    TraceStatistics s = TraceStatistics.compute(vecaddProgram(vecadd), 0, 8);
    assertEquals(8, s.kernels().get(0).memory().sectors());
    assertFalse(s.kernels().get(0).memory().exact());
    assertFalse(s.memory().exact());
    assertEquals(1200, s.memory().bytes(), "byte counts do not depend on the limit");
  }

  /** Random warps over a real listing's global loads, against a plain recount with boxed sets. */
  @Test
  void randomWarpsAgreeWithARecount() throws InputException {
    StaticInstruction[] pool = {
      find("hgemm_mma", "sm_80", "LDG.E.128.CONSTANT"),
      ListingTraces.staticOf(vecadd.kernel().at(0xa0)),
      ListingTraces.staticOf(vecadd.kernel().at(0xd0)),
      ListingTraces.staticOf(vecadd.kernel().at(0xe0))
    };
    SplittableRandom random = new SplittableRandom(2024);
    for (int round = 0; round < 30; round++) {
      List<MemoryKernelTrace.Cta> ctas = new ArrayList<>();
      Set<Long> sectors = new HashSet<>();
      Set<Long> lines = new HashSet<>();
      long warpInstructions = 0;
      long threads = 0;
      long bytes = 0;
      int blocks = 1 + random.nextInt(4);
      for (int c = 0; c < blocks; c++) {
        List<List<Entry>> warps = new ArrayList<>();
        for (int w = 0; w < 1 + random.nextInt(4); w++) {
          List<Entry> warp = new ArrayList<>();
          for (int i = random.nextInt(40); i > 0; i--) {
            StaticInstruction s = pool[random.nextInt(pool.length)];
            int mask = random.nextInt(4) == 0 ? random.nextInt() : -1;
            long[] addresses = new long[s.isMemory() ? Integer.bitCount(mask) : 0];
            long base = 0x7f0000000000L + random.nextLong(1 << 20);
            if (random.nextInt(4) != 0) {
              base &= ~(s.memoryWidth() - 1L); // mostly aligned, as real accesses are
            }
            for (int k = 0; k < addresses.length; k++) {
              addresses[k] = base + (long) s.memoryWidth() * random.nextInt(64);
              bytes += s.memoryWidth();
              for (long a = addresses[k]; a < addresses[k] + s.memoryWidth(); a++) {
                sectors.add(a >>> 5);
                lines.add(a >>> 7);
              }
            }
            warp.add(new Entry(s, mask, addresses));
            warpInstructions++;
            threads += Integer.bitCount(mask);
          }
          warps.add(warp);
        }
        ctas.add(new MemoryKernelTrace.Cta(new Dim3(c, 0, 0), warps));
      }
      KernelLaunch launch = ListingTraces.launch("random", 1, 80, new Dim3(blocks, 1, 1), new Dim3(128, 1, 1));
      MemoryTraceSource p = new MemoryTraceSource("random").kernel("r.traceg",
          () -> new MemoryKernelTrace(launch, ctas));
      TraceStatistics s = TraceStatistics.compute(p, 0, 1 << 16);
      String seed = "round " + round;
      assertEquals(warpInstructions, s.totalWarpInstructions(), seed);
      assertEquals(threads, s.totalThreadInstructions(), seed);
      assertEquals(bytes, s.memory().bytes(), seed);
      assertEquals(sectors.size(), s.memory().sectors(), seed);
      assertEquals(lines.size(), s.memory().lines(), seed);
      long mixed = 0;
      for (long v : s.instructionMix().values()) {
        mixed += v;
      }
      assertEquals(warpInstructions, mixed, seed);
    }
  }

  private static Map<String, Long> mix(Map<String, Long> nonZero) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String b : OpcodeClasses.BUCKETS) {
      m.put(b, nonZero.getOrDefault(b, 0L));
    }
    return m;
  }

  private static long[] lanes(long base, int stride, int count) {
    long[] out = new long[count];
    for (int k = 0; k < count; k++) {
      out[k] = base + (long) stride * k;
    }
    return out;
  }

  private static StaticInstruction instr(int pc, String opcode) {
    return new StaticInstruction(pc, StaticInstruction.NO_LINE, opcode, new int[0], new int[0], 0,
        false, 0, StaticInstruction.NO_CONTROL);
  }

  /** The first instruction printed as {@code mnemonic} in a corpus listing. */
  static StaticInstruction find(String kernel, String arch, String mnemonic) throws InputException {
    for (Kernel k : SassParser.parse(corpus.listing(kernel, arch)).kernels()) {
      for (Instruction in : k.instructions()) {
        if (in.mnemonic().equals(mnemonic)) {
          return ListingTraces.staticOf(in);
        }
      }
    }
    throw new AssertionError(kernel + " " + arch + " has no " + mnemonic);
  }
}
