package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sassim.traces.SharedTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader streams: once the caller lets go of a CTA, nothing in the reader keeps it alive, so
 * memory is bounded by the block being read whatever the length of the trace.
 */
class StreamingMemoryTest {

  private static final int CTAS = 400;

  @TempDir Path tmp;

  @Test
  void earlierCtasAreNotRetained() throws Exception {
    // The GTX 1080 vecadd's one block, repeated as a 400-block grid.
    List<String> lines = Files.readAllLines(SharedTraces.require("vectoradd-gtx1080-v4/trace/kernel-1.traceg"));
    int begin = lines.indexOf("#BEGIN_TB");
    int end = lines.indexOf("#END_TB");
    List<String> out = new ArrayList<>();
    for (String l : lines.subList(0, begin)) {
      out.add(l.startsWith("-grid dim") ? "-grid dim = (" + CTAS + ",1,1)" : l);
    }
    for (int c = 0; c < CTAS; c++) {
      for (String l : lines.subList(begin, end + 1)) {
        out.add(l.startsWith("thread block") ? "thread block = " + c + ",0,0" : l);
      }
    }
    Path file = tmp.resolve("kernel-1.traceg");
    Files.write(file, out);

    List<WeakReference<CtaTrace>> seen = new ArrayList<>();
    long instructions = 0;
    try (KernelTrace trace = AccelSimTraces.openKernel(file)) {
      for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
        instructions += cta.warpInstructions();
        if (seen.size() < 8) {
          seen.add(new WeakReference<>(cta));
        }
      }
      assertEquals(344L * CTAS, instructions);
      for (int attempt = 0; attempt < 10 && seen.stream().anyMatch(r -> r.get() != null); attempt++) {
        System.gc();
        Thread.sleep(20);
      }
      for (int i = 0; i < seen.size(); i++) {
        assertNull(seen.get(i).get(), "CTA " + i + " is still reachable from the open reader");
      }
    }
  }
}
