package io.sassim.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The front end on straight_line's 3,072-instruction body (48 KB of code, more than the 32 KB L0):
 * the paper's prefetcher study (§5.2, Table 5) in miniature.
 */
class InstructionPrefetchTest {

  private static KernelStats run(Map<String, ?> overrides) throws Exception {
    var k = ListingKernels.kernel("straight_line", "straight_line", "sm_86");
    var trace = ListingKernels.straightLine(k, 0x3c0, 0xc3d0, 1, 1, true);
    return new Gpu(ListingKernels.config("rtx-a6000", overrides)).run(trace, "straight_line");
  }

  @Test
  void deeperStreamBuffersFetchFasterAndAPerfectCacheIsTheBound() throws Exception {
    KernelStats none = run(Map.of("frontEnd.prefetcher.entries", 0));
    KernelStats one = run(Map.of("frontEnd.prefetcher.entries", 1));
    KernelStats eight = run(Map.of());
    KernelStats perfect = run(Map.of("frontEnd.perfectInstructionCache", true));
    System.out.printf("straight_line cycles: no prefetch %d, 1 line %d, 8 lines %d, perfect %d%n",
        none.cycles(), one.cycles(), eight.cycles(), perfect.cycles());
    assertTrue(none.cycles() > one.cycles(), none.cycles() + " vs " + one.cycles());
    assertTrue(one.cycles() > eight.cycles(), one.cycles() + " vs " + eight.cycles());
    assertTrue(eight.cycles() >= perfect.cycles());
    assertEquals(0, none.get(Stat.PREFETCH_HITS));
    assertTrue(eight.get(Stat.PREFETCH_HITS) > 0);
    // Every line of the body is demanded once: 3,073 instructions, 8 per 128-byte line.
    long lines = (0xc3d0 - 0x3c0) / 128 + 1;
    assertEquals(lines, none.get(Stat.L0I_MISSES));
    assertEquals(lines, eight.get(Stat.L0I_MISSES) + eight.get(Stat.PREFETCH_HITS));
    assertEquals(none.warpInstructions(), perfect.warpInstructions());
  }

  @Test
  void aFillIntervalBoundsTheLinesAnL0Takes() throws Exception {
    long lines = (0xc3d0 - 0x3c0) / 128 + 1;
    KernelStats unlimited = run(Map.of("frontEnd.prefetcher.entries", 20));
    KernelStats limited = run(Map.of("frontEnd.prefetcher.entries", 20, "frontEnd.l0FillInterval", 17));
    System.out.printf("straight_line cycles, 20-line stream buffer: unlimited fills %d, one line"
        + " per 17 cycles %d%n", unlimited.cycles(), limited.cycles());
    // Every line of the body reaches the L0 through the return path, one per 17 cycles at most.
    assertTrue(limited.cycles() >= 17 * (lines - 1), limited.cycles() + " cycles for " + lines + " lines");
    assertTrue(limited.cycles() > unlimited.cycles(), limited.cycles() + " vs " + unlimited.cycles());
    assertEquals(unlimited.warpInstructions(), limited.warpInstructions());
  }
}
