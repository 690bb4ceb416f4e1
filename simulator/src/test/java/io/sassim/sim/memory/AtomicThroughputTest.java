package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.exec.ExecutionDrivenRun;
import io.sassim.sim.exec.ExecutionResult;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.stats.Stat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same-address atomics serialize at the L2 slice, as our H200 capture shows: 16 ATOMG.ADD from
 * 32 lanes on one word take about 2 cycles more per extra lane on it than 4 lanes per word do
 * (the hardware's numbers are read from the committed capture, not copied here).
 */
class AtomicThroughputTest {
  private static final Path ROOT = ListingKernels.repoRoot();
  private static final String DIR = "validation/microbench/atomic_throughput/";
  private static final Path CAPTURE =
      ROOT.resolve("validation/measurements/nvidia-h200/20261127T151128Z-ncu.json");

  @Test
  void sameAddressLanesCostWhatTheH200Measured() throws Exception {
    GpuConfig h200 = ListingKernels.config("h200", Map.of());
    // Baseline: 4 lanes per word, a whole warp as in 'same' (the one-lane case diverges, and its
    // skipped lanes' path costs the model a cold instruction line the hardware does not pay).
    long four = clock(h200, "four");
    long same = clock(h200, "same");
    long line = clock(h200, "line");
    double measuredExtra = measured("same") - measured("four");
    double simulatedExtra = same - four;
    assertTrue(measuredExtra > 800, "the capture shows the serialization: " + measuredExtra);
    assertTrue(Math.abs(simulatedExtra - measuredExtra) <= 0.10 * measuredExtra,
        "32 lanes on one word cost " + simulatedExtra + " cycles more than 4 lanes per word; the"
            + " H200 " + measuredExtra);
    // 32 distinct words of one line cost about what 4 lanes per word do, as on the hardware.
    assertTrue(Math.abs(line - four) < 0.05 * four, "line " + line + " four " + four);
    assertTrue(Math.abs(measured("line") - measured("four")) < 0.05 * measured("four"));
  }

  @Test
  void everyAtomicIsPerformedAtTheL2() throws Exception {
    GpuConfig h200 = ListingKernels.config("h200", Map.of());
    ExecutionResult r = ExecutionDrivenRun.run(h200,
        LaunchSpecLoader.load(ROOT.resolve(DIR + "atomic_throughput.same.launch.yaml")));
    // 16 instructions x one sector each.
    assertEquals(16, r.stats().get(Stat.L2_ATOMIC_SECTORS));
    // Each of the 32 lanes added 1 sixteen times.
    ByteBuffer target = ByteBuffer.wrap(r.buffers().get("target")).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(512, target.getInt(0));
  }

  private static long clock(GpuConfig config, String variant) throws Exception {
    ExecutionResult r = ExecutionDrivenRun.run(config,
        LaunchSpecLoader.load(ROOT.resolve(DIR + "atomic_throughput." + variant + ".launch.yaml")));
    return Integer.toUnsignedLong(ByteBuffer.wrap(r.buffers().get("clocks"))
        .order(ByteOrder.LITTLE_ENDIAN).getInt(0));
  }

  private static double measured(String variant) throws Exception {
    JsonNode capture = new ObjectMapper().readTree(CAPTURE.toFile());
    for (JsonNode c : capture.get("cases")) {
      if (c.get("case").asText().equals(DIR + "atomic_throughput." + variant)) {
        return c.get("clocks").get(0).asDouble();
      }
    }
    throw new AssertionError("no atomic_throughput." + variant + " in " + CAPTURE);
  }
}
