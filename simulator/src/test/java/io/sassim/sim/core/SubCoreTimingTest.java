package io.sassim.sim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.isa.sass.Kernel;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.IssueLog;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.traces.model.KernelTrace;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubCoreTimingTest {

  private static IssueLog run(GpuConfig config, KernelTrace trace) throws Exception {
    Gpu gpu = new Gpu(config);
    IssueLog log = new IssueLog();
    gpu.setHook(log);
    KernelStats stats = gpu.run(trace, "test");
    System.out.println(stats.cycles() + " cycles, " + stats.warpInstructions() + " instructions");
    for (StallReason r : StallReason.values()) {
      if (stats.stalls(r) > 0) System.out.println(r + " " + stats.stalls(r));
    }
    System.out.println(stats.values());
    return log;
  }

  @Test
  void dependentFfmaChainIssuesEveryFourCycles() throws Exception {
    Kernel k = ListingKernels.kernel("alu_latency", "alu_latency", "sm_86");
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of("frontEnd.perfectInstructionCache", true));
    IssueLog log = run(config, ListingKernels.straightLine(k, 0x310, 0x500, 1, 1, true));
    System.out.println(Arrays.toString(log.gapsOf(0, 0)));
  }
}
