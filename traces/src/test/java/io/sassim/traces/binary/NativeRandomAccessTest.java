package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CTAs read by index, in any order and from several threads, equal the sequential stream. */
class NativeRandomAccessTest {

  @TempDir Path dir;
  private Path file;
  private TracedProgram program;

  @BeforeEach
  void write() throws Exception {
    // Many CTAs over small chunks, so that reads cross chunk boundaries.
    program = RandomTraces.manyCtas(new SplittableRandom(7), 3, 40);
    file = dir.resolve("random-access" + NativeTraces.EXTENSION);
    program.writeNative(file, Codec.ZSTD, 2000);
  }

  @Test
  void readingByIndexInAnyOrderEqualsTheStream() throws Exception {
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      TracedProgram.assertSameProgram(program, TracedProgram.readFrom(reader));
      SplittableRandom r = new SplittableRandom(11);
      for (int n = 0; n < 300; n++) {
        int k = r.nextInt(reader.kernels().size());
        TraceCommand.Kernel kernel = reader.kernels().get(k);
        int i = r.nextInt(reader.ctaCount(kernel));
        CtaTrace expected = ((TracedProgram.Kernel) program.commands().get(k)).ctas().get(i);
        TracedProgram.assertSameCta(expected, reader.readCta(kernel, i), "kernel " + k + " CTA " + i);
      }
    }
  }

  @Test
  void severalThreadsReadTheSameCtas() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      List<Future<List<CtaTrace>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          // Each thread mixes index reads in its own order with a stream of its own.
          List<CtaTrace> read = new ArrayList<>();
          TraceCommand.Kernel kernel = reader.kernels().get(seed % 3);
          int count = reader.ctaCount(kernel);
          for (int i = 0; i < count; i++) {
            read.add(reader.readCta(kernel, (i * 7 + seed) % count));
          }
          try (KernelTrace trace = reader.openKernel(kernel)) {
            for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
              read.add(cta);
            }
          }
          return read;
        }));
      }
      for (int t = 0; t < 4; t++) {
        List<CtaTrace> expected =
            ((TracedProgram.Kernel) program.commands().get(t % 3)).ctas();
        List<CtaTrace> read = results.get(t).get();
        int count = expected.size();
        for (int i = 0; i < count; i++) {
          TracedProgram.assertSameCta(expected.get((i * 7 + t) % count), read.get(i), "by index");
          TracedProgram.assertSameCta(expected.get(i), read.get(count + i), "streamed");
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void indexOutsideTheKernelIsAProgrammingError() throws Exception {
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      TraceCommand.Kernel kernel = reader.kernels().get(0);
      assertThrows(IndexOutOfBoundsException.class, () -> reader.readCta(kernel, -1));
      assertThrows(IndexOutOfBoundsException.class,
          () -> reader.readCta(kernel, reader.ctaCount(kernel)));
      assertThrows(IllegalArgumentException.class,
          () -> reader.openKernel(new TraceCommand.Kernel(Path.of("kernel-1.traceg"))));
      assertEquals(40, reader.ctaCount(kernel));
    }
  }
}
