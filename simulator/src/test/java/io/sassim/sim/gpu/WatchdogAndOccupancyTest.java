package io.sassim.sim.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.isa.sass.Kernel;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.traces.fixtures.ListingTraces;
import io.sassim.traces.model.KernelLaunch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchdogAndOccupancyTest {

  @Test
  void watchdogNamesTheStuckWarpItsInstructionAndItsWait() throws Exception {
    // A cold start: the first fetch misses the L0 and the L1 instruction caches, about 290
    // cycles with no issue - longer than a 100-cycle watchdog.
    Kernel k = ListingKernels.kernel("mem_issue", "mem_issue", "sm_86");
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of("watchdog.stallCycles", 100));
    var trace = ListingKernels.sequences("stuck", List.of(ListingKernels.straightRun(
        List.of(ListingKernels.controlled(k.at(0x70)), ListingKernels.controlled(k.at(0x140))))), 1, 1);
    SimulationStuckException e = assertThrows(SimulationStuckException.class,
        () -> new Gpu(config).run(trace, "stuck"));
    assertTrue(e.getMessage().contains("no warp issued for 100 cycles"), e.getMessage());
    assertEquals(1, e.warps().size());
    String line = e.warps().get(0);
    assertTrue(line.contains("LDG") && line.contains("I-cache miss"), line);
    assertTrue(line.contains("SM 0, sub-core 0"), line);
  }

  @Test
  void theSameTraceFinishesUnderTheDefaultWatchdog() throws Exception {
    Kernel k = ListingKernels.kernel("mem_issue", "mem_issue", "sm_86");
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of());
    var trace = ListingKernels.sequences("fine", List.of(ListingKernels.straightRun(
        List.of(ListingKernels.controlled(k.at(0x70)), ListingKernels.controlled(k.at(0x140))))), 1, 1);
    assertEquals(2, new Gpu(config).run(trace, "fine").warpInstructions());
  }

  private static KernelLaunch launch(int threads, int registers, long shared) {
    KernelLaunch l = ListingTraces.launch("k", 1, 80, new Dim3(100, 1, 1), new Dim3(threads, 1, 1));
    return new KernelLaunch(l.name(), l.kernelId(), l.grid(), l.block(), shared, registers,
        l.binaryVersion(), l.streamId(), l.sharedWindowBase(), l.localWindowBase(),
        l.tracerName(), l.tracerVersion(), l.lineInfo(), l.extraHeader());
  }

  @Test
  void occupancyTakesTheTightestLimit() throws Exception {
    GpuConfig a100 = ListingKernels.config("a100", Map.of());
    // 38 registers -> 1280 per warp (256-register units) -> 10240 per 256-thread block: 6 blocks.
    Occupancy regs = Occupancy.of(a100.occupancy(), launch(256, 38, 0));
    assertEquals(6, regs.blocksPerSm());
    assertEquals("registers", regs.limitedBy());
    // 1024 threads: 2 blocks by threads (2048 per SM) and by warps (64).
    assertEquals(2, Occupancy.of(a100.occupancy(), launch(1024, 16, 0)).blocksPerSm());
    // 48 KiB of shared memory + 1 KiB reserved on a 164 KiB SM: 3 blocks.
    Occupancy shared = Occupancy.of(a100.occupancy(), launch(128, 16, 48 * 1024));
    assertEquals(3, shared.blocksPerSm());
    assertEquals("shared memory", shared.limitedBy());
    // Tiny blocks: the 32-block limit.
    assertEquals(32, Occupancy.of(a100.occupancy(), launch(32, 16, 0)).blocksPerSm());
  }

  @Test
  void aBlockThatCannotFitIsABadInputNotAHang() throws Exception {
    GpuConfig a6000 = ListingKernels.config("rtx-a6000", Map.of());
    Kernel k = ListingKernels.kernel("mem_issue", "mem_issue", "sm_86");
    var base = ListingKernels.sequences("huge", List.of(ListingKernels.straightRun(
        List.of(ListingKernels.controlled(k.at(0x70))))), 1, 1);
    KernelLaunch huge = launch(32, 16, 200 * 1024);
    var trace = new io.sassim.traces.fixtures.MemoryKernelTrace(huge,
        List.of(new io.sassim.traces.fixtures.MemoryKernelTrace.Cta(new Dim3(0, 0, 0),
            List.of(ListingKernels.straightRun(List.of(ListingKernels.controlled(k.at(0x70))))))));
    InputException e = assertThrows(InputException.class, () -> new Gpu(a6000).run(trace, "huge.traceg"));
    assertTrue(e.getMessage().contains("does not fit") && e.getMessage().contains("shared memory"),
        e.getMessage());
    base.close();
  }
}
