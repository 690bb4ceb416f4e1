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
 * 32 lanes on one word take about 2 cycles more per extra lane than one lane's (the hardware's
 * numbers are read from the committed capture, not copied here).
 */
class AtomicThroughputTest {
  private static final Path ROOT = ListingKernels.repoRoot();
  private static final String DIR = "validation/microbench/atomic_throughput/";
  private static final Path CAPTURE =
      ROOT.resolve("validation/measurements/nvidia-h200/20261127T151128Z-ncu.json");

  @Test
  void sameAddressLanesCostWhatTheH200Measured() throws Exception {
    GpuConfig h200 = ListingKernels.config("h200", Map.of());
    long one = clock(h200, "one");
    long same = clock(h200, "same");
    long four = clock(h200, "four");
    long line = clock(h200, "line");
    double measuredExtra = measured("same") - measured("one");
    double simulatedExtra = same - one;
    assertTrue(measuredExtra > 800, "the capture shows the serialization: " + measuredExtra);
    assertTrue(Math.abs(simulatedExtra - measuredExtra) <= 0.10 * measuredExtra,
        "32 lanes on one word cost " + simulatedExtra + " cycles more than one lane; the H200 "
            + measuredExtra);
    // 4 lanes per word and 32 distinct words stay close to one lane, as on the hardware.
    assertTrue(four - one < 0.15 * one, "four " + four + " one " + one);
    assertTrue(line - one < 0.15 * one, "line " + line + " one " + one);
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
