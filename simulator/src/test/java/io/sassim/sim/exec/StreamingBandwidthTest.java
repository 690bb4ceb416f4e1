package io.sassim.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.stats.Stat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #6's acceptance: a streaming kernel at a large size keeps DRAM busy within 10% of the
 * configured peak. The corpus vecadd (c = a + b) runs execution-driven over 4 Mi elements per
 * array, through the whole hierarchy; DRAM's bandwidth is what it moved (sectors read and
 * written back) over the kernel's time.
 */
class StreamingBandwidthTest {

  private static final int ELEMENTS = 8 << 20;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h800-pcie", "a100"})
  void vectorAddReachesThePeakDramBandwidth(String gpu) throws Exception {
    GpuConfig config = ListingKernels.config(gpu, Map.of());
    ExecutionResult r = ExecutionDrivenRun.run(config, LaunchSpecLoader.load(largeVecadd()));
    long read = r.stats().get(Stat.DRAM_READ_SECTORS);
    // Every element of a and b comes from DRAM once: 4-byte floats, 32-byte sectors.
    assertEquals(2L * ELEMENTS * 4 / 32, read);
    double bytes = (read + r.stats().get(Stat.DRAM_WRITE_SECTORS)) * 32.0;
    double seconds = r.stats().cycles() / (config.clocks().coreMhz() * 1e6);
    double gbps = bytes / seconds / 1e9;
    double peak = config.dram().peakGBps();
    System.out.printf("%s vecadd x %d: %.0f GB/s of %.0f peak (%d cycles)%n", gpu, ELEMENTS,
        gbps, peak, r.stats().cycles());
    assertTrue(gbps >= 0.9 * peak && gbps <= peak * 1.001,
        gpu + ": " + gbps + " GB/s against a peak of " + peak);
  }

  private Path largeVecadd() throws Exception {
    Path corpus = ListingKernels.repoRoot().resolve("traces/kernels/vecadd/vecadd.launch.yaml");
    String text = Files.readString(corpus);
    String large = text.replace("grid: [256]", "grid: [" + ELEMENTS / 256 + "]")
        .replace("count: 65536", "count: " + ELEMENTS)
        .replace("value: 65536", "value: " + ELEMENTS)
        .replace("binary: vecadd.", "binary: " + corpus.getParent().toAbsolutePath() + "/vecadd.");
    assertTrue(large.contains("grid: [" + ELEMENTS / 256 + "]") && !large.contains("65536"),
        "the corpus spec changed shape");
    Path spec = dir.resolve("vecadd.large.launch.yaml");
    Files.writeString(spec, large);
    return spec;
  }
}
