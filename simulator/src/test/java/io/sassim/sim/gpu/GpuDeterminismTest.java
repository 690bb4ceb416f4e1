package io.sassim.sim.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.core.StallReason;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same inputs, same stats: across runs and whether SMs sleep through idle cycles or not. */
class GpuDeterminismTest {

  private static KernelStats run(GpuConfig config, boolean alwaysTick) throws Exception {
    long t0 = System.nanoTime();
    KernelStats s = new Gpu(config, alwaysTick).run(ListingKernels.sgemmTiled("sm_86", 64), "sgemm");
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("sgemm_tiled on %s (alwaysTick=%s): %d cycles, %d warp instructions, %.2f s, %.0f warp-inst/s%n",
        config.name(), alwaysTick, s.cycles(), s.warpInstructions(), seconds, s.warpInstructions() / seconds);
    return s;
  }

  private static void assertSame(KernelStats a, KernelStats b) {
    assertEquals(a.values(), b.values());
    for (int s = 0; s < a.stallsBySubcore().length; s++) {
      assertArrayEquals(a.stallsBySubcore()[s], b.stallsBySubcore()[s], "sub-core " + s);
    }
  }

  @Test
  void repeatedRunsAndSleepingGiveIdenticalStats() throws Exception {
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of());
    KernelStats first = run(config, false);
    KernelStats second = run(config, false);
    KernelStats ticking = run(config, true);
    assertSame(first, second);
    assertSame(first, ticking);
    // 64 blocks x 8 warps x (prologue + 16 loop bodies + epilogue).
    assertEquals(64L * 8 * ListingKernels.sgemmTiled("sm_86", 1).nextCta().warps().get(0).length(),
        first.warpInstructions());
    assertTrue(first.get(Stat.REGISTER_CACHE_HITS) > 0, "sgemm's FFMAs reuse operands");
    assertTrue(first.get(Stat.PREFETCH_HITS) > 0, "the stream buffer serves the straight code");
  }

  @Test
  void threadCountDoesNotChangeStats() throws Exception {
    // 8 SMs, 2 blocks each: 40 blocks make two and a half waves, so blocks are exchanged at
    // window ends while other SMs are mid-window.
    GpuConfig small = ListingKernels.config("rtx-a6000", Map.of("smCount", 8));
    Gpu one = new Gpu(small);
    KernelStats sequential = one.run(ListingKernels.sgemmTiled("sm_86", 40), "sgemm");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      Gpu many = new Gpu(small);
      many.setThreads(pool);
      assertSame(sequential, many.run(ListingKernels.sgemmTiled("sm_86", 40), "sgemm"));
    } finally {
      pool.shutdown();
    }
    // A window of one cycle is lockstep; it may replace blocks a little earlier, never later.
    Gpu lockstep = new Gpu(small);
    lockstep.setWindowCycles(1);
    KernelStats exact = lockstep.run(ListingKernels.sgemmTiled("sm_86", 40), "sgemm");
    assertEquals(sequential.warpInstructions(), exact.warpInstructions());
    assertTrue(exact.cycles() <= sequential.cycles(), exact.cycles() + " vs " + sequential.cycles());
    assertTrue(sequential.cycles() - exact.cycles() < 3 * 8, "at most a window per wave");
  }

  @Test
  void everySubcoreCycleIsAccountedFor() throws Exception {
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of());
    assertAccounted(config, run(config, false));
    // Several waves of blocks: 40 blocks, 2 at a time on each of 8 SMs.
    GpuConfig small = ListingKernels.config("rtx-a6000", Map.of("smCount", 8));
    assertAccounted(small, new Gpu(small).run(ListingKernels.sgemmTiled("sm_86", 40), "sgemm"));
  }

  @Test
  void anSmWhoseWarpsAreGoneCountsNoWarpNotDraining() throws Exception {
    // One block per SM on two SMs, three blocks: SM 1 runs one block and then waits for the
    // second wave on SM 0 with no warps at all. Those cycles are "no warp"; counting them as
    // "draining" (the reason its sub-cores had when its last warp left) was a bug.
    GpuConfig two = ListingKernels.config("rtx-a6000", Map.of("smCount", 2, "occupancy.maxBlocks", 1));
    KernelStats s = new Gpu(two).run(ListingKernels.sgemmTiled("sm_86", 3), "sgemm");
    assertAccounted(two, s);
    long idleSmCycles = s.cycles() / 3;
    long draining = s.stalls(StallReason.DRAINING);
    long noWarp = s.stalls(StallReason.NO_WARP);
    // SM 1's four sub-cores idle for about half the kernel.
    assertTrue(noWarp >= 4 * idleSmCycles, "no-warp cycles " + noWarp + " of " + s.cycles());
    assertTrue(draining < idleSmCycles, "draining cycles " + draining + " of " + s.cycles());
  }

  private static void assertAccounted(GpuConfig config, KernelStats s) {
    long perSubcore = s.cycles() * config.smCount();
    for (int sub = 0; sub < s.stallsBySubcore().length; sub++) {
      long stalls = 0;
      for (long v : s.stallsBySubcore()[sub]) {
        stalls += v;
      }
      // Each sub-core cycle either issued or recorded one stall reason.
      assertTrue(stalls <= perSubcore);
    }
    long allStalls = 0;
    for (long[] sub : s.stallsBySubcore()) {
      for (long v : sub) {
        allStalls += v;
      }
    }
    assertEquals(perSubcore * s.stallsBySubcore().length, allStalls + s.warpInstructions());
  }
}
