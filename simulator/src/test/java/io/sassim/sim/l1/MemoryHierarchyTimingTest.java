package io.sassim.sim.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.IssueLog;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.fixtures.MemoryKernelTrace;
import io.sassim.traces.fixtures.MemoryKernelTrace.Entry;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.record.EmulatedTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory hierarchy below the intake, on real sm_86 compiler output: L1 hits keep Table 2's
 * latencies, misses add the lower memory's, MSHRs merge and run out, LDC misses its constant
 * cache once, and the shared-memory bank-conflict microbenchmark serializes as expected.
 */
class MemoryHierarchyTimingTest {

  private static GpuConfig a6000(Map<String, ?> overrides) throws Exception {
    Map<String, Object> all = new HashMap<>();
    all.put("frontEnd.perfectInstructionCache", true);
    // The SM side's timing against the fixed lower memory, whose latency the tests add up.
    all.put("lowerMemory.model", "fixed");
    all.putAll(overrides);
    return ListingKernels.config("rtx-a6000", all);
  }

  private static Kernel kernel(String name) throws Exception {
    return ListingKernels.kernel(name, name, "sm_86");
  }

  /** Unit-stride lane addresses: 32 lanes of {@code bytes} from {@code base}. */
  private static long[] lanes(long base, int bytes) {
    long[] a = new long[32];
    for (int k = 0; k < 32; k++) {
      a[k] = base + (long) k * bytes;
    }
    return a;
  }

  /** One warp runs {@code (pc, addresses)} pairs, re-addressed to a straight run. */
  private static MemoryKernelTrace oneWarp(Kernel k, int[] pcs, long[][] addresses) {
    List<StaticInstruction> run = new ArrayList<>();
    for (int pc : pcs) {
      run.add(ListingKernels.controlled(k.at(pc)));
    }
    List<Entry> straight = ListingKernels.straightRun(run);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < straight.size(); i++) {
      entries.add(new Entry(straight.get(i).instruction(), -1,
          addresses[i] == null ? new long[0] : addresses[i]));
    }
    return ListingKernels.sequences("mem", List.of(entries), 1, 1);
  }

  private static KernelStats run(GpuConfig config, KernelTrace trace, IssueLog log) throws Exception {
    Gpu gpu = new Gpu(config);
    gpu.setHook(log);
    return gpu.run(trace, "test");
  }

  @Test
  void aColdLoadMissesAndTheSameLoadThenHitsAtTheTable2Latency() throws Exception {
    // mem_issue: LDG.E R5 [R2.64] (SB2), then FADD R5, RZ, R5 waiting on SB2; twice.
    Kernel k = kernel("mem_issue");
    GpuConfig config = a6000(Map.of());
    long[] a = lanes(0x7f0000001000L, 4);
    IssueLog log = new IssueLog();
    KernelStats s = run(config, oneWarp(k, new int[] {0x70, 0x140, 0x70, 0x140},
        new long[][] {a, null, a, null}), log);
    long[] gaps = log.gapsOf(0, 0);
    int lower = config.lowerMemory().latency();
    assertEquals(32 + lower, gaps[0], "miss: Table 2's 32 plus the lower memory's " + lower);
    assertEquals(32, gaps[2], "hit: Table 2 (regular address, 32 bits)");
    assertEquals(4, s.get(Stat.L1D_SECTOR_HITS));
    assertEquals(4, s.get(Stat.L1D_SECTOR_MISSES));
    assertEquals(1, s.get(Stat.LOWER_REQUESTS));
    assertEquals(128, s.get(Stat.LOWER_BYTES));
  }

  @Test
  void aWarmWideLoadKeepsItsTable2Latency() throws Exception {
    // rf_bank_conflict: LDG.E.128 R28 [R58.64] (SB5), FADD at 0x2e0 waits on it: 38 once warm.
    Kernel k = kernel("rf_bank_conflict");
    long[] a = lanes(0x7f0000010000L, 16);
    IssueLog log = new IssueLog();
    KernelStats s = run(a6000(Map.of()), oneWarp(k, new int[] {0x200, 0x2e0, 0x200, 0x2e0},
        new long[][] {a, null, a, null}), log);
    assertEquals(38, log.gapsOf(0, 0)[2]);
    assertEquals(16, s.get(Stat.L1D_SECTOR_HITS), "512 bytes: 16 sectors in 4 lines");
    assertEquals(4, s.get(Stat.LOWER_REQUESTS));
  }

  @Test
  void aSecondMissToALineInFlightMergesIntoItsMshr() throws Exception {
    // LDG.E R5 [R2.64] and LDG.E R6 [R2.64+0x80] with the same addresses: one request.
    Kernel k = kernel("mem_issue");
    long[] a = lanes(0x7f0000002000L, 4);
    IssueLog log = new IssueLog();
    KernelStats s = run(a6000(Map.of()), oneWarp(k, new int[] {0x70, 0x80, 0x140, 0x150},
        new long[][] {a, a, null, null}), log);
    assertEquals(1, s.get(Stat.LOWER_REQUESTS));
    assertEquals(4, s.get(Stat.L1D_MERGED_SECTORS));
    assertEquals(8, s.get(Stat.L1D_SECTOR_MISSES));
  }

  @Test
  void withOneMshrASecondLineWaitsForTheFirstReply() throws Exception {
    Kernel k = kernel("mem_issue");
    long[] a = lanes(0x7f0000003000L, 4);
    long[] b = lanes(0x7f0000004000L, 4);
    int[] pcs = {0x70, 0x80, 0x140, 0x150};
    long[][] addresses = {a, b, null, null};
    IssueLog many = new IssueLog();
    run(a6000(Map.of()), oneWarp(k, pcs, addresses), many);
    IssueLog one = new IssueLog();
    KernelStats s = run(a6000(Map.of("l1Data.mshrEntries", 1)), oneWarp(k, pcs, addresses), one);
    int lower = a6000(Map.of()).lowerMemory().latency();
    assertTrue(s.get(Stat.L1D_MSHR_STALL_CYCLES) > lower, "the intake waited for the reply");
    long[] c = one.cyclesOf(0, 0);
    long[] m = many.cyclesOf(0, 0);
    // The second load's consumer is a whole miss later than with enough MSHRs.
    assertTrue(c[3] - m[3] >= lower, (c[3] - m[3]) + " cycles later");
  }

  @Test
  void ldcMissesItsConstantCacheOnceThenHits() throws Exception {
    // jump_table: LDC R4, c[0x2][R0] (register offset: Table 2's 29 cycles on a hit). Traces
    // carry no constant addresses, so the instruction stands for its constant: run twice, it
    // misses once (the L1.5 round trip) and then hits.
    Kernel k = kernel("jump_table");
    Instruction ldc = k.at(0x5b0);
    assertEquals("LDC", ldc.opcode());
    GpuConfig config = a6000(Map.of());
    // The same PC twice, as a loop would run it.
    Entry once = new Entry(ListingKernels.controlled(ldc), -1);
    KernelStats s = run(config, ListingKernels.sequences("ldc", List.of(List.of(once, once)), 1, 1),
        new IssueLog());
    assertEquals(1, s.get(Stat.CONSTANT_MISSES));
    assertEquals(1, s.get(Stat.CONSTANT_HITS));
    // Same run with the second LDC a hit or not: the miss costs exactly the round trip.
    KernelStats twice = run(config, ListingKernels.sequences("ldc1",
        List.of(ListingKernels.straightRun(List.of(ListingKernels.controlled(ldc)))), 1, 1),
        new IssueLog());
    KernelStats cold = run(a6000(Map.of("constantCache.missLatency", 0)), ListingKernels.sequences(
        "ldc0", List.of(ListingKernels.straightRun(List.of(ListingKernels.controlled(ldc)))), 1, 1),
        new IssueLog());
    assertEquals(config.constantCache().missLatency(), twice.cycles() - cold.cycles());
  }

  /** Emulates a corpus launch into a native trace with the listing's control bits. */
  private static Path emulate(String spec, Path dir) throws Exception {
    LaunchSpec launch = LaunchSpecLoader.load(ListingKernels.repoRoot().resolve(spec));
    Emulator emulator = Emulator.forLaunch(launch, Architecture.SM_86);
    Path trace = dir.resolve("trace");
    try (TraceWriter writer = TraceFiles.writer(trace, TraceFormat.NATIVE, false)) {
      EmulatedTrace.record(emulator, writer, null);
      writer.commit();
    }
    return trace;
  }

  private static List<KernelStats> simulate(Path trace, GpuConfig config, IssueLog log,
      ExecutorService pool) throws Exception {
    List<KernelStats> out = new ArrayList<>();
    Gpu gpu = new Gpu(config);
    gpu.setHook(log);
    gpu.setThreads(pool);
    try (TraceSource source = TraceFiles.open(trace)) {
      for (TraceCommand c : source.commands()) {
        if (c instanceof TraceCommand.Kernel kc) {
          try (KernelTrace kt = source.openKernel(kc)) {
            out.add(gpu.run(kt, trace.toString()));
          }
        }
      }
    }
    return out;
  }

  @Test
  void bankConflictMicrobenchmarkSerializesByTheConflictDegree(@TempDir Path dir) throws Exception {
    // smem_bank_conflict: per case 16 untimed then 16 timed dependent LDS (a = s[a]) at lane
    // strides of 1, 2, 4, 8, 16, 32 words, then a broadcast.
    Path trace = emulate("validation/microbench/smem_bank_conflict/smem_bank_conflict.launch.yaml", dir);
    Kernel k = kernel("smem_bank_conflict");
    java.util.Set<Integer> lds = new java.util.HashSet<>();
    for (Instruction in : k.instructions()) {
      if (in.opcode().equals("LDS")) {
        lds.add(in.pc());
      }
    }
    IssueLog log = new IssueLog();
    KernelStats s = simulate(trace, a6000(Map.of()), log, null).get(0);
    List<Long> cycles = new ArrayList<>();
    for (IssueLog.Issue i : log.all()) {
      if (lds.contains(i.pc())) {
        cycles.add(i.cycle());
      }
    }
    assertEquals(7 * 32, cycles.size());
    long[] factors = new long[7];
    for (int c = 0; c < 7; c++) {
      // Issue-to-issue of the timed chain: Table 2's 24 (regular address) plus a cycle per
      // wavefront beyond the first.
      long gap = cycles.get(32 * c + 31) - cycles.get(32 * c + 16);
      assertEquals(0, gap % 15, "case " + c + ": even spacing, got " + gap);
      factors[c] = gap / 15 - 23;
    }
    System.out.println("smem_bank_conflict serialization factors: " + java.util.Arrays.toString(factors));
    assertArrayEquals(new long[] {1, 2, 4, 8, 16, 32, 1}, factors);
    assertEquals(2L * 16 * (1 + 3 + 7 + 15 + 31), s.get(Stat.SHARED_BANK_CONFLICT_CYCLES));
  }

  @Test
  void aKernelWithMemoryTrafficGivesTheSameStatsOnAnyThreadCount(@TempDir Path dir) throws Exception {
    Path trace = emulate("traces/kernels/sgemm_tiled/sgemm_tiled.launch.yaml", dir);
    GpuConfig small = a6000(Map.of("smCount", 4, "frontEnd.perfectInstructionCache", false,
        "lowerMemory.model", "hierarchy"));
    List<KernelStats> one = simulate(trace, small, null, null);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<KernelStats> three = simulate(trace, small, null, pool);
      assertEquals(one.size(), three.size());
      for (int i = 0; i < one.size(); i++) {
        assertEquals(one.get(i).values(), three.get(i).values());
      }
    } finally {
      pool.shutdown();
    }
    KernelStats s = one.get(0);
    assertTrue(s.get(Stat.L1D_SECTOR_MISSES) > 0 && s.get(Stat.MEMORY_REQUESTS) > 0);
    assertTrue(s.get(Stat.DRAM_READ_SECTORS) > 0);
    assertTrue(s.get(Stat.SHARED_ACCESSES) > 0);
  }
}
