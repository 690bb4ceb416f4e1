package io.sassim.sim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.sass.ControlBits;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.IssueLog;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import io.sassim.traces.fixtures.MemoryKernelTrace;
import io.sassim.traces.fixtures.MemoryKernelTrace.Entry;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue timing of one sub-core against the facts of model-facts.md §1-§5 and the paper's
 * listings, on real sm_86 compiler output from the corpus. The instruction cache is perfect
 * unless a test says otherwise, so that only the mechanism under test shapes the timeline.
 */
class SubCoreTimingTest {

  private static final Map<String, Object> PERFECT_FETCH = Map.of("frontEnd.perfectInstructionCache", true);

  private static Kernel kernel(String name) throws Exception {
    return ListingKernels.kernel(name, name, "sm_86");
  }

  private static GpuConfig a6000(Map<String, ?> overrides) throws Exception {
    Map<String, Object> all = new HashMap<>(PERFECT_FETCH);
    all.putAll(overrides);
    return ListingKernels.config("rtx-a6000", all);
  }

  private static IssueLog run(GpuConfig config, KernelTrace trace) throws Exception {
    Gpu gpu = new Gpu(config);
    IssueLog log = new IssueLog();
    gpu.setHook(log);
    gpu.run(trace, "test");
    return log;
  }

  /** The listed instructions at {@code pcs}, run in that order as one straight run. */
  private static List<Entry> entries(Kernel k, int... pcs) {
    List<StaticInstruction> run = new ArrayList<>();
    for (int pc : pcs) {
      run.add(ListingKernels.controlled(k.at(pc)));
    }
    return ListingKernels.straightRun(run);
  }

  private static MemoryKernelTrace oneWarp(String name, List<Entry> entries) {
    return ListingKernels.sequences(name, List.of(entries), 1, 1);
  }

  private static long[] constant(int n, long v) {
    long[] a = new long[n];
    Arrays.fill(a, v);
    return a;
  }

  // --- Stall counter and yield (paper §4) ----------------------------------------------------------

  @Test
  void dependentFfmaChainIssuesEveryFourCycles() throws Exception {
    // alu_latency: 32 FFMAs, each reading the previous result, stall 4.
    IssueLog log = run(a6000(Map.of()), ListingKernels.straightLine(kernel("alu_latency"), 0x310, 0x500, 1, 1, true));
    assertArrayEquals(constant(31, 4), log.gapsOf(0, 0));
  }

  @Test
  void halvingStallCounterOfTheAuthorsCodeGivesLogDistances() throws Exception {
    // Stall 4 halves 4 -> 2 -> 1 -> 0: three cycles (model-facts §1.4).
    IssueLog log = run(a6000(Map.of("issue.stallCounterDecay", "halving")),
        ListingKernels.straightLine(kernel("alu_latency"), 0x310, 0x500, 1, 1, true));
    assertArrayEquals(constant(31, 3), log.gapsOf(0, 0));
  }

  @Test
  void independentFfmasIssueOnePerCycle() throws Exception {
    // stall_yield's 128-FFMA stream: stall 1, x and y kept in the reuse cache, so only the
    // accumulator is read from a bank.
    Kernel k = kernel("stall_yield");
    assertEquals("FFMA", k.at(0xbb0).opcode());
    IssueLog log = run(a6000(Map.of()), ListingKernels.straightLine(k, 0x3c0, 0xbb0, 1, 1, true));
    long[] gaps = log.gapsOf(0, 0);
    // One bubble: the MOV at 0xac0 needs the INT pipe, which the FFMA before it borrowed.
    assertEquals("MOV", k.at(0xac0).opcode());
    long[] expected = constant(127, 1);
    expected[(0xac0 - 0x3c0) / 16 - 1] = 2;
    assertArrayEquals(expected, gaps);
  }

  @Test
  void yieldWithNoOtherWarpCostsOneBubble() throws Exception {
    // The paper's probe: stall 1 with the yield bit; a lone warp loses the next cycle (§5.1.2).
    Kernel k = kernel("stall_yield");
    List<Entry> run = new ArrayList<>();
    for (int pc = 0x3c0; pc < 0x3c0 + 8 * 16; pc += 16) {
      Instruction in = k.at(pc);
      ControlBits c = in.control();
      run.add(new Entry(ListingKernels.withControl(in,
          new ControlBits(1, true, c.writeBarrier(), c.readBarrier(), c.waitMask(), c.reuse())), -1));
    }
    IssueLog log = run(a6000(Map.of()), oneWarp("yield", run));
    assertArrayEquals(constant(7, 2), log.gapsOf(0, 0));
  }

  @Test
  void stallZeroWithYieldWaitsFortyFiveCycles() throws Exception {
    // The self-branch after EXIT is "Y:S00" (paper §4: exactly 45 cycles).
    Kernel k = kernel("atomics_mix");
    Instruction selfBranch = k.at(0x910);
    assertEquals(0, selfBranch.control().stall());
    assertTrue(selfBranch.control().yield());
    IssueLog log = run(a6000(Map.of()), oneWarp("bra", entries(k, 0x910, 0x910, 0x910)));
    assertArrayEquals(new long[] {45, 45}, log.gapsOf(0, 0));
  }

  // --- Dependence counters (paper §4, Table 2) ---------------------------------------------------

  @Test
  void loadResultReleasesItsCounterAtTheTable2Latency() throws Exception {
    // mem_issue: LDG.E R5 [R2.64] sets SB2; the FADD that reads R5 waits on SB2.
    Kernel k = kernel("mem_issue");
    IssueLog log = run(a6000(Map.of()), oneWarp("raw", entries(k, 0x70, 0x140)));
    assertArrayEquals(new long[] {32}, log.gapsOf(0, 0));
  }

  @Test
  void wideLoadTakesLongerToReturn() throws Exception {
    // rf_bank_conflict: LDG.E.128 R28 [R58.64] sets SB5, the FADD at 0x2e0 waits on it: 38.
    Kernel k = kernel("rf_bank_conflict");
    assertEquals(List.of("E", "128", "CONSTANT"), k.at(0x200).modifiers());
    IssueLog log = run(a6000(Map.of()), oneWarp("raw128", entries(k, 0x200, 0x2e0)));
    assertArrayEquals(new long[] {38}, log.gapsOf(0, 0));
  }

  @Test
  void readCounterReleasesWhenTheSourcesAreRead() throws Exception {
    // mem_issue: LDG.E R7 [R4.64] sets read counter SB0; CS2R R4 overwrites R4 and waits on SB0:
    // the WAR latency of a regular-address global load, 11.
    Kernel k = kernel("mem_issue");
    IssueLog log = run(a6000(Map.of()), oneWarp("war", entries(k, 0x250, 0x310)));
    assertArrayEquals(new long[] {11}, log.gapsOf(0, 0));
  }

  @Test
  void counterIncrementIsInvisibleToTheVeryNextCycle() throws Exception {
    // With stall 1 instead of the compiler's 4, the consumer issues the next cycle: the SB2
    // increment becomes visible only two cycles after the producer issues (model-facts §1.3).
    Kernel k = kernel("mem_issue");
    Instruction load = k.at(0x70);
    ControlBits c = load.control();
    List<Entry> run = ListingKernels.straightRun(List.of(
        ListingKernels.withControl(load, new ControlBits(1, false, c.writeBarrier(),
            c.readBarrier(), c.waitMask(), c.reuse())),
        ListingKernels.controlled(k.at(0x140))));
    IssueLog log = run(a6000(Map.of()), oneWarp("early", run));
    assertArrayEquals(new long[] {1}, log.gapsOf(0, 0));
  }

  @Test
  void depbarWaitsUntilTheCounterDropsToItsThreshold() throws Exception {
    // async_copy: LDGSTS, LDGDEPBAR (SB0), DEPBAR.LE SB0, 0x0: DEPBAR issues when the copy has
    // landed, 39 cycles after the LDGSTS (Table 2).
    Kernel k = kernel("async_copy");
    IssueLog log = run(a6000(Map.of()), oneWarp("depbar0", entries(k, 0x170, 0x180, 0x1f0, 0x210)));
    long[] c = log.cyclesOf(0, 0);
    assertEquals(39, c[3] - c[0]);
  }

  @Test
  void depbarWithThresholdOneLetsTheNewestGroupFly() throws Exception {
    // Two copy groups, then DEPBAR.LE SB0, 0x1: it waits only for the first group.
    Kernel k = kernel("async_copy");
    IssueLog log = run(a6000(Map.of()),
        oneWarp("depbar1", entries(k, 0x170, 0x180, 0x290, 0x2a0, 0x2b0, 0x2d0)));
    long[] c = log.cyclesOf(0, 0);
    assertEquals(39, c[5] - c[0]);
    assertTrue(c[5] - c[2] < 39, "the second copy is still in flight");
  }

  // --- Register file (paper §5.3) ----------------------------------------------------------------

  private static long[] steadyGaps(IssueLog log, int keep) {
    long[] g = log.gapsOf(0, 0);
    return Arrays.copyOfRange(g, g.length - keep, g.length);
  }

  @Test
  void twoSourcesInOneBankCostOneBubble() throws Exception {
    // rf_bank_conflict ind3: FFMA R10, R49, R60, R55 - R49 and R55 share bank 1, no reuse.
    Kernel k = kernel("rf_bank_conflict");
    int[] pcs = new int[24];
    Arrays.fill(pcs, 0x11d0);
    assertEquals("FFMA", k.at(0x11d0).opcode());
    IssueLog log = run(a6000(Map.of()), oneWarp("two", entries(k, pcs)));
    assertArrayEquals(constant(16, 2), steadyGaps(log, 16));
  }

  @Test
  void threeSourcesInOneBankCostTwoBubbles() throws Exception {
    // rf_bank_conflict even3: FFMA R5, R32, R30, R28 and its neighbours read three even registers.
    Kernel k = kernel("rf_bank_conflict");
    List<Entry> run = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      run.addAll(entries(k, 0x2690, 0x26a0, 0x26b0, 0x26c0, 0x26d0, 0x26e0));
    }
    IssueLog log = run(a6000(Map.of()), oneWarp("three", run));
    assertArrayEquals(constant(16, 3), steadyGaps(log, 16));
  }

  @Test
  void aSecondReadPortPerBankHalvesTheConflicts() throws Exception {
    // The sweep's "1 or 2 read ports" (registerFile.readPortsPerBank, paper Table 6): with two
    // ports, the ind3 FFMA's two bank-1 reads fit one cycle and it issues back to back; the six
    // even3 FFMAs, which issue every 3 cycles with one port (18 per round), take 9 per round.
    Kernel k = kernel("rf_bank_conflict");
    int[] pcs = new int[24];
    Arrays.fill(pcs, 0x11d0);
    Map<String, Object> twoPorts = Map.of("registerFile.readPortsPerBank", 2);
    IssueLog two = run(a6000(twoPorts), oneWarp("two", entries(k, pcs)));
    assertArrayEquals(constant(16, 1), steadyGaps(two, 16));
    List<Entry> run = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      run.addAll(entries(k, 0x2690, 0x26a0, 0x26b0, 0x26c0, 0x26d0, 0x26e0));
    }
    long[] gaps = steadyGaps(run(a6000(twoPorts), oneWarp("three", run)), 16);
    for (int i = 0; i + 6 <= gaps.length; i++) {
      assertEquals(9, Arrays.stream(gaps, i, i + 6).sum(), Arrays.toString(gaps));
    }
  }

  @Test
  void reuseBitsRemoveTheConflictAndDisablingTheCacheBringsItBack() throws Exception {
    // stall_yield: FFMA R18, R10.reuse, R22, R11.reuse - R10 and R22 share bank 0.
    Kernel k = kernel("stall_yield");
    int[] pcs = new int[24];
    Arrays.fill(pcs, 0x3c0);
    KernelStats[] stats = new KernelStats[2];
    IssueLog cached = runWithStats(a6000(Map.of()), oneWarp("reuse", entries(k, pcs)), stats, 0);
    IssueLog uncached = runWithStats(a6000(Map.of("registerFile.cacheEnabled", false)),
        oneWarp("noreuse", entries(k, pcs)), stats, 1);
    assertArrayEquals(constant(16, 1), steadyGaps(cached, 16));
    assertArrayEquals(constant(16, 2), steadyGaps(uncached, 16));
    assertEquals(0, stats[1].get(Stat.REGISTER_CACHE_HITS));
    // The first FFMA fills the cache; 23 later ones hit for R10 and for R11.
    assertEquals(46, stats[0].get(Stat.REGISTER_CACHE_HITS));
  }

  private static IssueLog runWithStats(GpuConfig config, KernelTrace trace, KernelStats[] out, int i)
      throws Exception {
    Gpu gpu = new Gpu(config);
    IssueLog log = new IssueLog();
    gpu.setHook(log);
    out[i] = gpu.run(trace, "test");
    return log;
  }

  // --- Scheduler (paper §5.1.2) ------------------------------------------------------------------

  /** Warp order of the issues on sub-core 0. */
  private static List<Integer> subcoreZeroOrder(IssueLog log) {
    List<Integer> order = new ArrayList<>();
    for (IssueLog.Issue i : log.all()) {
      if (i.subcore() == 0) {
        order.add(i.warp());
      }
    }
    return order;
  }

  @Test
  void cggtyRunsTheYoungestWarpGreedilyThenTheOther() throws Exception {
    // Eight warps per block put warps 0 and 4 on sub-core 0; warp 4 is younger. With stall 1
    // and no yield, the greedy warp never gives way (Fig. 4a).
    MemoryKernelTrace trace = ListingKernels.straightLine(kernel("stall_yield"), 0x3c0, 0xbb0, 8, 1, true);
    List<Integer> order = subcoreZeroOrder(run(a6000(Map.of()), trace));
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 128; i++) expected.add(4);
    for (int i = 0; i < 128; i++) expected.add(0);
    assertEquals(expected, order);
  }

  @Test
  void cggtySwitchesToTheOtherWarpWhileTheGreedyOneStalls() throws Exception {
    // The dependent FFMA chain (stall 4, yield): warp 4 issues, then warp 0 fills the gap.
    MemoryKernelTrace trace = ListingKernels.straightLine(kernel("alu_latency"), 0x310, 0x380, 8, 1, true);
    IssueLog log = run(a6000(Map.of()), trace);
    List<Integer> order = subcoreZeroOrder(log);
    assertEquals(4, order.get(0), "the youngest warp goes first");
    long[] w4 = log.cyclesOf(0, 4);
    long[] w0 = log.cyclesOf(0, 0);
    assertArrayEquals(constant(7, 4), log.gapsOf(0, 4), "the greedy warp keeps its pace");
    // Once warp 0 has instructions, it takes the cycle after each of warp 4's issues.
    for (int i = 0; i < w0.length - 1; i++) {
      long after = w0[i];
      assertTrue(Arrays.stream(w4).anyMatch(c -> c == after - 1) || i == 0,
          "warp 0 issue " + i + " at " + after + " follows a warp 4 issue");
    }
  }

  @Test
  void gtoStartsWithTheOldestWarp() throws Exception {
    MemoryKernelTrace trace = ListingKernels.straightLine(kernel("stall_yield"), 0x3c0, 0xbb0, 8, 1, true);
    List<Integer> order = subcoreZeroOrder(run(a6000(Map.of("issue.scheduler", "gto")), trace));
    assertEquals(0, order.get(0));
    assertEquals(0, order.get(127));
    assertEquals(4, order.get(128));
  }

  @Test
  void looseRoundRobinInterleavesTheWarps() throws Exception {
    // Greedy policies finish one warp's 128 FFMAs long before the other's; round robin keeps
    // them together.
    MemoryKernelTrace trace = ListingKernels.straightLine(kernel("stall_yield"), 0x3c0, 0xbb0, 8, 1, true);
    IssueLog log = run(a6000(Map.of("issue.scheduler", "lrr")), trace);
    long[] w0 = log.cyclesOf(0, 0);
    long[] w4 = log.cyclesOf(0, 4);
    assertTrue(Math.abs(w0[127] - w4[127]) <= 4, "last issues " + w0[127] + " and " + w4[127]);
    IssueLog greedy = run(a6000(Map.of()), trace());
    long[] g0 = greedy.cyclesOf(0, 0);
    long[] g4 = greedy.cyclesOf(0, 4);
    assertTrue(Math.abs(g0[127] - g4[127]) >= 100);
  }

  private static MemoryKernelTrace trace() throws Exception {
    return ListingKernels.straightLine(kernel("stall_yield"), 0x3c0, 0xbb0, 8, 1, true);
  }

  // --- Memory pipeline (paper §5.4, Table 1) -------------------------------------------------------

  /** Issue cycles, relative to the first, of 12 independent loads with stall 1 per sub-core. */
  private static long[][] loadIssueTimeline(int subcores) throws Exception {
    Kernel k = kernel("mem_issue");
    List<Entry> loads = new ArrayList<>();
    for (int pc = 0x250; pc <= 0x300; pc += 16) {
      Instruction in = k.at(pc);
      ControlBits c = in.control();
      loads.add(new Entry(ListingKernels.withControl(in,
          new ControlBits(1, false, c.writeBarrier(), c.readBarrier(), 0, 0)), -1));
    }
    IssueLog log = run(a6000(Map.of()), ListingKernels.sequences("mem", List.of(loads), subcores, 1));
    long first = log.cyclesOf(0, 0)[0];
    long[][] out = new long[subcores][];
    for (int w = 0; w < subcores; w++) {
      out[w] = Arrays.stream(log.cyclesOf(0, w)).map(c -> c - first).toArray();
    }
    return out;
  }

  @Test
  void memoryIssueMatchesTable1() throws Exception {
    // Paper Table 1 (issue cycles from 2): the 6th to 8th loads per active sub-core, then the
    // steady spacing; minus 2 for our relative cycles.
    long[][] one = loadIssueTimeline(1);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 11, 15, 19, 23, 27, 31, 35}, one[0]);
    long[][] two = loadIssueTimeline(2);
    assertArrayEquals(new long[] {11, 15, 19, 23}, Arrays.copyOfRange(two[0], 5, 9));
    assertArrayEquals(new long[] {13, 17, 21, 25}, Arrays.copyOfRange(two[1], 5, 9));
    long[][] three = loadIssueTimeline(3);
    assertArrayEquals(new long[] {11, 17, 23, 29}, Arrays.copyOfRange(three[0], 5, 9));
    assertArrayEquals(new long[] {13, 19, 25, 31}, Arrays.copyOfRange(three[1], 5, 9));
    assertArrayEquals(new long[] {15, 21, 27, 33}, Arrays.copyOfRange(three[2], 5, 9));
    long[][] four = loadIssueTimeline(4);
    assertArrayEquals(new long[] {11, 19, 27, 35}, Arrays.copyOfRange(four[0], 5, 9));
    assertArrayEquals(new long[] {17, 25, 33, 41}, Arrays.copyOfRange(four[3], 5, 9));
    for (long[] w : four) {
      assertArrayEquals(new long[] {0, 1, 2, 3, 4}, Arrays.copyOf(w, 5));
    }
  }
}
