package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer publishes its file only on commit, and leaves nothing behind otherwise. */
class NativeTraceWriterTest {

  @TempDir Path dir;

  private static final KernelLaunch LAUNCH = new KernelLaunch("k", 1, new Dim3(1, 1, 1),
      new Dim3(32, 1, 1), 0, 8, 86, 0, 0, 0, "", "", false, List.of());

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void fileAppearsOnlyAtCommit() throws Exception {
    Path target = dir.resolve("out" + NativeTraces.EXTENSION);
    try (NativeTraceWriter w = NativeTraces.newWriter(target)) {
      w.memcpy(0x1000, 64);
      w.beginKernel(LAUNCH);
      assertFalse(Files.exists(target));
      List<Path> during = files();
      assertEquals(1, during.size(), "one temporary file beside the target: " + during);
      assertTrue(during.get(0).getFileName().toString().startsWith(".out.sstrace."));
      w.endKernel();
      w.commit();
      assertEquals(List.of(target), files());
      assertEquals(Files.size(target), w.size());
    }
    assertEquals(List.of(target), files());
    assertTrue(NativeTraces.isNativeTrace(target));
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws Exception {
    Path target = dir.resolve("out" + NativeTraces.EXTENSION);
    try (NativeTraceWriter w = new NativeTraceWriter(target)) {
      w.beginKernel(LAUNCH);
      w.cta(new CtaTrace(new Dim3(0, 0, 0), new WarpTrace.Builder(0).add(0, -1).build()),
          table());
    }
    assertEquals(List.of(), files());
  }

  @Test
  void anEarlierFileStaysUntilTheNewOneIsCommitted() throws Exception {
    Path target = dir.resolve("out" + NativeTraces.EXTENSION);
    Files.writeString(target, "old");
    try (NativeTraceWriter w = new NativeTraceWriter(target)) {
      w.memcpy(1, 2);
      assertEquals("old", Files.readString(target));
    }
    assertEquals("old", Files.readString(target));
    try (NativeTraceWriter w = new NativeTraceWriter(target)) {
      w.memcpy(1, 2);
      w.commit();
    }
    assertTrue(NativeTraces.isNativeTrace(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void callsOutOfOrderAreProgrammingErrors() throws Exception {
    Path target = dir.resolve("out" + NativeTraces.EXTENSION);
    CtaTrace cta = new CtaTrace(new Dim3(0, 0, 0), List.of());
    try (NativeTraceWriter w = new NativeTraceWriter(target)) {
      assertThrows(IllegalStateException.class, () -> w.cta(cta, table()));
      assertThrows(IllegalStateException.class, w::endKernel);
      w.beginKernel(LAUNCH);
      assertThrows(IllegalStateException.class, () -> w.beginKernel(LAUNCH));
      assertThrows(IllegalStateException.class, () -> w.memcpy(0, 0));
      assertThrows(IllegalStateException.class, w::commit);
      WarpTrace good = new WarpTrace.Builder(0).add(0, -1).add(0, 1).build();
      CtaTrace badId = new CtaTrace(new Dim3(0, 0, 0), good,
          new WarpTrace.Builder(1).add(0, -1).add(5, -1).build());
      w.cta(new CtaTrace(new Dim3(1, 0, 0), good), table());
      assertThrows(IllegalArgumentException.class, () -> w.cta(badId, table()));
      w.cta(new CtaTrace(new Dim3(2, 0, 0), good), table());
      w.endKernel();
      w.commit();
      assertThrows(IllegalStateException.class, () -> w.memcpy(0, 0));
      assertThrows(IllegalStateException.class, w::commit);
    }
    // The rejected CTA left nothing behind: the two good ones read back.
    try (NativeTraceReader r = NativeTraces.open(target)) {
      assertEquals(2, r.ctaCount(r.kernels().get(0)));
      assertEquals(new Dim3(2, 0, 0), r.readCta(r.kernels().get(0), 1).ctaId());
    }
  }

  @Test
  void sameProgramGivesTheSameBytes() throws Exception {
    Path a = dir.resolve("a" + NativeTraces.EXTENSION);
    Path b = dir.resolve("b" + NativeTraces.EXTENSION);
    for (Path p : new Path[] {a, b}) {
      try (NativeTraceWriter w = new NativeTraceWriter(p)) {
        NativeRoundTripTest.edgeCases().writeTo(w);
      }
    }
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  private static InstructionTable table() {
    InstructionTable t = new InstructionTable();
    t.intern(RandomTraces.table(new SplittableRandom(1), 1).get(0));
    return t;
  }
}
