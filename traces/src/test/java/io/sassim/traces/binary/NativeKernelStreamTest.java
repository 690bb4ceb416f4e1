package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel streamed with CTAs decoded ahead on the shared pool and one streamed on the calling
 * thread hand out the same CTAs in the same order, and fail at the same CTA with the same error.
 */
class NativeKernelStreamTest {

  private static final int KERNELS = 3;
  private static final int CTAS = 80;

  @TempDir Path dir;

  /**
   * Many CTAs (about 5 KB each) in 64 KiB chunks, so that the batches of 8 CTAs decoded ahead
   * end inside chunks, at chunk ends and at the kernel's end.
   */
  private TracedProgram program(Path file, Codec codec) throws Exception {
    TracedProgram program = RandomTraces.manyCtas(new SplittableRandom(17), KERNELS, CTAS);
    program.writeNative(file, codec, 64 << 10);
    byte[] bytes = Files.readAllBytes(file);
    for (TraceIndex.Kernel k : NativeFileSurgery.index(bytes).kernels) {
      assertTrue(k.chunkCount >= 4, "several chunks per kernel: " + k.chunkCount);
      largeChunk(k);
    }
    return program;
  }

  /** A chunk after the first that holds more than a batch of 8 CTAs. */
  private static int largeChunk(TraceIndex.Kernel k) {
    for (int c = 1; c < k.chunkCount; c++) {
      if (k.chunkFirstCta[c + 1] - k.chunkFirstCta[c] > 8) {
        return c;
      }
    }
    return fail("no chunk after the first holds more than 8 CTAs");
  }

  private static List<CtaTrace> ctas(TracedProgram program, int kernel) {
    return ((TracedProgram.Kernel) program.commands().get(kernel)).ctas();
  }

  @Test
  void bothWaysHandOutTheSameCtasInOrder() throws Exception {
    Path file = dir.resolve("many" + NativeTraces.EXTENSION);
    TracedProgram program = program(file, Codec.ZSTD);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      // Repeated, so that a race between decode tasks has several chances to show.
      for (int round = 0; round < 5; round++) {
        for (int k = 0; k < KERNELS; k++) {
          TraceCommand.Kernel kernel = reader.kernels().get(k);
          for (boolean ahead : new boolean[] {false, true}) {
            Outcome read = stream(reader, kernel, ahead);
            assertNull(read.error(), () -> read.error().getMessage());
            assertSameCtas(ctas(program, k), read.ctas(), "round " + round + " kernel " + k
                + (ahead ? " ahead" : " here"));
          }
        }
      }
    }
  }

  @Test
  void interleavedStreamsOnTheSharedPoolKeepTheirOwnOrder() throws Exception {
    Path file = dir.resolve("interleaved" + NativeTraces.EXTENSION);
    TracedProgram program = program(file, Codec.ZSTD);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      List<KernelTrace> streams = new ArrayList<>();
      List<List<CtaTrace>> read = new ArrayList<>();
      for (int k = 0; k < KERNELS; k++) {
        streams.add(reader.openKernel(reader.kernels().get(k), true));
        read.add(new ArrayList<>());
      }
      SplittableRandom r = new SplittableRandom(5);
      for (int n = 0; n < KERNELS * CTAS; ) {
        int k = r.nextInt(KERNELS);
        CtaTrace cta = streams.get(k).nextCta();
        if (cta != null) {
          read.get(k).add(cta);
          n++;
        }
      }
      for (int k = 0; k < KERNELS; k++) {
        assertNull(streams.get(k).nextCta());
        streams.get(k).close();
        assertSameCtas(ctas(program, k), read.get(k), "kernel " + k);
      }
    }
  }

  /** A chunk whose checksum fails: both ways hand out every CTA before it, then fail alike. */
  @Test
  void aDamagedChunkFailsAtTheSamePlaceBothWays() throws Exception {
    Damage d = prepareDamage("damaged-chunk", Codec.ZSTD);
    d.bytes()[d.chunkStart() + NativeFormat.FRAME_BYTES + 3] ^= 0x40;
    Outcome damaged = d.assertSameFailureBothWays(d.kernel().chunkFirstCta[d.chunk()]);
    assertEquals(d.file() + ": kernel 2 CTA chunk " + d.chunk() + " at byte " + d.chunkStart()
        + ": checksum mismatch", damaged.error().getMessage());
  }

  /**
   * A CTA in the middle of a chunk that decodes to the wrong CTA (its id changed, the block's
   * checksum made right again): the CTAs before it still arrive, then both ways fail alike.
   */
  @Test
  void aDamagedCtaFailsAtTheSamePlaceBothWays() throws Exception {
    // Stored, so that the CTA's bytes lie in the file as the index places them.
    Damage d = prepareDamage("damaged-cta", Codec.STORED);
    int cta = d.kernel().chunkFirstCta[d.chunk()] + 5; // inside the chunk's first batch
    // The CTA's first byte starts its x: flipping bit 1 changes x and keeps the varint's length.
    d.bytes()[d.chunkStart() + NativeFormat.FRAME_BYTES + d.kernel().rawOffset[cta]] ^= 0x02;
    NativeFileSurgery.reseal(d.bytes(), d.chunkStart());
    Outcome damaged = d.assertSameFailureBothWays(cta);
    assertTrue(damaged.error().getMessage().startsWith(d.file() + ": kernel 2 CTA chunk "
        + d.chunk() + " at byte " + d.chunkStart() + ", CTA " + cta + ": holds CTA "),
        damaged.error().getMessage());
  }

  /** A program written to be damaged in {@code chunk} of its second kernel. */
  private record Damage(Path file, TracedProgram program, byte[] bytes, TraceIndex.Kernel kernel,
      int chunk, int chunkStart) {

    /** Writes the damaged bytes, then streams as {@link #assertSameFailureBothWays}. */
    Outcome assertSameFailureBothWays(int failsAt) throws Exception {
      Files.write(file, bytes);
      return NativeKernelStreamTest.assertSameFailureBothWays(file, program, failsAt);
    }
  }

  private Damage prepareDamage(String name, Codec codec) throws Exception {
    Path file = dir.resolve(name + NativeTraces.EXTENSION);
    TracedProgram program = program(file, codec);
    byte[] bytes = Files.readAllBytes(file);
    TraceIndex.Kernel second = NativeFileSurgery.index(bytes).kernels.get(1);
    int chunk = largeChunk(second);
    return new Damage(file, program, bytes, second, chunk, (int) second.chunkOffset[chunk]);
  }

  /**
   * Streams every kernel both ways: the first kernel whole, the second up to {@code failsAt},
   * where both fail with the same message, and keep failing with it.
   */
  private static Outcome assertSameFailureBothWays(Path file, TracedProgram program, int failsAt)
      throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      for (boolean ahead : new boolean[] {false, true}) {
        Outcome first = stream(reader, reader.kernels().get(0), ahead);
        assertNull(first.error());
        assertSameCtas(ctas(program, 0), first.ctas(), "undamaged kernel");
        try (KernelTrace trace = reader.openKernel(reader.kernels().get(1), ahead)) {
          Outcome damaged = stream(trace);
          String how = ahead ? "decoding ahead" : "decoding here";
          assertSameCtas(ctas(program, 1).subList(0, failsAt), damaged.ctas(), how);
          // The stream stays at the damage rather than skipping past it.
          assertSame(damaged.error(), assertThrows(InputException.class, trace::nextCta), how);
          outcomes.add(damaged);
        }
      }
    }
    assertEquals(outcomes.get(0).error().getMessage(), outcomes.get(1).error().getMessage());
    return outcomes.get(0);
  }

  @Test
  void closingMidStreamDoesNotHangAndLeavesTheReaderUsable() throws Exception {
    Path file = dir.resolve("closed" + NativeTraces.EXTENSION);
    TracedProgram program = program(file, Codec.ZSTD);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      TraceCommand.Kernel kernel = reader.kernels().get(2);
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        for (int stop : new int[] {0, 1, 9, CTAS / 2, CTAS - 1}) {
          KernelTrace trace = reader.openKernel(kernel, true);
          for (int i = 0; i < stop; i++) {
            trace.nextCta();
          }
          // Decode tasks may still be queued or running for this stream.
          trace.close();
          trace.close();
          assertThrows(IllegalStateException.class, trace::nextCta);
          Outcome fresh = stream(reader, kernel, true);
          assertNull(fresh.error());
          assertSameCtas(ctas(program, 2), fresh.ctas(), "after closing at " + stop);
        }
      });
    }
  }

  /** The CTAs a stream handed out, and the error that ended it, if any. */
  private record Outcome(List<CtaTrace> ctas, InputException error) {}

  private static Outcome stream(NativeTraceReader reader, TraceCommand.Kernel kernel,
      boolean ahead) throws InputException {
    try (KernelTrace trace = reader.openKernel(kernel, ahead)) {
      return stream(trace);
    }
  }

  /** Reads to the end or to the first error; anything but an InputException fails the test. */
  private static Outcome stream(KernelTrace trace) {
    List<CtaTrace> ctas = new ArrayList<>();
    try {
      for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
        ctas.add(cta);
      }
      return new Outcome(ctas, null);
    } catch (InputException e) {
      return new Outcome(ctas, e);
    }
  }

  private static void assertSameCtas(List<CtaTrace> expected, List<CtaTrace> actual, String where) {
    assertEquals(expected.size(), actual.size(), where + ": CTA count");
    for (int i = 0; i < expected.size(); i++) {
      TracedProgram.assertSameCta(expected.get(i), actual.get(i), where + " CTA " + i);
    }
  }
}
