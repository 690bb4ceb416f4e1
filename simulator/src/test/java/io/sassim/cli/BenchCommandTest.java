package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.traces.SharedTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim bench trace-read}: runs end to end and reports every format (figures not checked). */
class BenchCommandTest {

  @TempDir Path tmp;

  @Test
  void traceReadReportsEachFormatOverTheSameInstructions() throws Exception {
    Path input = SharedTraces.require("vectoradd-gtx1080-v4/trace");
    Path keep = tmp.resolve("work");
    CliRun r = CliRun.of("bench", "trace-read", input.toString(), "--copies", "3", "--repeats", "1",
        "--warm-up", "0", "--keep", keep.toString());
    assertEquals(0, r.code(), r.err());
    for (String format : new String[] {"accelsim text ", "accelsim text.xz", "native "}) {
      String row = r.out().lines().filter(l -> l.startsWith(format)).findFirst().orElseThrow();
      // Three copies of the 344-instruction vecadd.
      assertTrue(row.matches(".*\\s1032\\s.*"), row);
    }
    assertTrue(r.out().contains("native vs text:"), r.out());
    assertTrue(Files.exists(keep.resolve("trace.sstrace")));
    assertTrue(Files.exists(keep.resolve("accelsim-xz/kernel-1.traceg.xz")));
  }

  @Test
  void simulateReportsTheModelsRatesOverEveryKernel() {
    Path input = SharedTraces.require(SharedTraces.FLASHINFER);
    CliRun r = CliRun.of("bench", "simulate", input.toString(), "--gpu", "rtx-a6000",
        "--repeats", "2", "--warm-up", "0");
    assertEquals(0, r.code(), r.err());
    // 8 kernels, 6451 warp instructions (trace stats agrees), simulated in every pass.
    assertTrue(r.out().contains("rtx-a6000: 8 kernels, 6451 warp instructions"), r.out());
    assertTrue(r.out().matches("(?s).*simulated warp instructions per second: \\d+ .*"), r.out());
    assertTrue(r.out().matches("(?s).*simulated cycles per second: \\d+\\n.*"), r.out());
    assertTrue(r.out().contains("2 timed passes"), r.out());

    CliRun bad = CliRun.of("bench", "simulate", input.toString(), "--gpu", "rtx-a6000",
        "--repeats", "0");
    assertEquals(2, bad.code());
  }
}
