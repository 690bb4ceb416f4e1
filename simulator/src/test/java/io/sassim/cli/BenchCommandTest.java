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
}
