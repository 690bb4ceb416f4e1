package io.sassim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.fixtures.SgemmTiledTrace;
import io.sassim.sim.fixtures.TraceFilesOnDisk;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.fixtures.MemoryTraceSource;
import io.sassim.traces.model.TraceSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corpus tiled SGEMM as the speed benchmark's input. The test also leaves it at
 * {@code simulator/target/bench/sgemm_tiled.sm_86.sstrace} for {@code sassim bench simulate}
 * (docs/performance.md).
 */
class SimulateBenchmarkTest {

  static final Path BENCH_INPUT = ListingKernels.repoRoot()
      .resolve("simulator/target/bench/sgemm_tiled.sm_86.sstrace");

  @Test
  void sgemmRunsToCompletionWithEveryWarpInstructionIssued() throws Exception {
    long perWarp = SgemmTiledTrace.warpStream().size();
    // Prologue 0x000-0xa10 (162 instructions), 15 more trips of the 122-instruction loop body,
    // epilogue 0xa20-0xa80 (7).
    assertEquals(162 + 15 * 122 + 7, perWarp);
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of());
    KernelStats first = new Gpu(config).run(SgemmTiledTrace.kernel(), "sgemm");
    assertEquals(64 * 8 * perWarp, first.warpInstructions());
    assertEquals(64 * 8 * perWarp * 32, first.get(Stat.THREAD_INSTRUCTIONS));
    assertEquals("control-bits", first.dependenceMode());
    KernelStats second = new Gpu(config).run(SgemmTiledTrace.kernel(), "sgemm");
    assertEquals(first.values(), second.values());
  }

  @Test
  void benchmarkTimesTheModelAndWritesTheSgemmInput() throws Exception {
    Files.createDirectories(BENCH_INPUT.getParent());
    TraceFilesOnDisk.writeNative(
        new MemoryTraceSource("sgemm_tiled").kernel("kernel-1", SgemmTiledTrace::kernelUnchecked),
        BENCH_INPUT);
    GpuConfig config = ListingKernels.config("rtx-a6000", Map.of());
    KernelStats direct = new Gpu(config).run(SgemmTiledTrace.kernel(), "sgemm");
    SimulateBenchmark.Result r;
    try (TraceSource source = TraceFiles.open(BENCH_INPUT)) {
      r = new SimulateBenchmark(config, 2, 0).run(source);
    }
    assertEquals(1, r.kernels());
    assertEquals(direct.warpInstructions(), r.warpInstructions());
    assertEquals(direct.cycles(), r.cycles());
    assertEquals(2, r.passes());
    assertTrue(r.bestSeconds() > 0 && r.bestSeconds() <= r.medianSeconds(), r.toString());
    assertEquals(r.warpInstructions() / r.bestSeconds(), r.warpInstructionsPerSecond(), 1e-6);
  }
}
