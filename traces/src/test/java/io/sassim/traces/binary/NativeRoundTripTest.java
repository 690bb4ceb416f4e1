package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.accelsim.AccelSimTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model to native file and back, field by field, for built, random and real traces. */
class NativeRoundTripTest {

  @TempDir Path dir;

  static TracedProgram roundTrip(TracedProgram program, Path file, Codec codec)
      throws IOException, InputException {
    return roundTrip(program, file, codec, NativeTraceWriter.DEFAULT_CHUNK_BYTES);
  }

  static TracedProgram roundTrip(TracedProgram program, Path file, Codec codec, int chunkBytes)
      throws IOException, InputException {
    program.writeNative(file, codec, chunkBytes);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      return TracedProgram.readFrom(reader);
    }
  }

  @Test
  void edgeCasesSurviveEveryCodec() throws Exception {
    TracedProgram program = edgeCases();
    for (Codec codec : Codec.values()) {
      for (int chunkBytes : new int[] {1, 300, 1 << 20}) {
        Path file = dir.resolve("edge-" + codec + "-" + chunkBytes + NativeTraces.EXTENSION);
        TracedProgram.assertSameProgram(program, roundTrip(program, file, codec, chunkBytes));
      }
    }
  }

  @Test
  void randomProgramsSurvive() throws Exception {
    SplittableRandom seeds = new SplittableRandom(20261127);
    for (int i = 0; i < 60; i++) {
      long seed = seeds.nextLong();
      TracedProgram program = RandomTraces.program(new SplittableRandom(seed));
      Codec codec = Codec.values()[i % Codec.values().length];
      int chunkBytes = i % 3 == 0 ? 1 : 1 << (i % 16);
      Path file = dir.resolve("random-" + i + NativeTraces.EXTENSION);
      try {
        TracedProgram.assertSameProgram(program, roundTrip(program, file, codec, chunkBytes));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", codec " + codec + ", chunks of "
            + chunkBytes + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void realTracesSurvive() throws Exception {
    for (Path list : SharedTraces.kernelLists()) {
      TracedProgram program;
      try (TraceSource source = AccelSimTraces.open(list)) {
        program = TracedProgram.readFrom(source);
      }
      assertTrue(program.warpInstructions() > 0, list.toString());
      Path file = dir.resolve(list.getParent().getFileName() + NativeTraces.EXTENSION);
      TracedProgram.assertSameProgram(
          program, roundTrip(program, file, NativeTraceWriter.DEFAULT_CODEC));
    }
  }

  @Test
  void kernelsAreNamedAndDescribedByTheIndex() throws Exception {
    TracedProgram program = edgeCases();
    Path file = dir.resolve("named" + NativeTraces.EXTENSION);
    roundTrip(program, file, NativeTraceWriter.DEFAULT_CODEC);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      assertEquals(file.toString(), reader.origin());
      List<TraceCommand.Kernel> kernels = reader.kernels();
      assertEquals(3, kernels.size());
      assertEquals(Path.of(file + "#kernel-2"), kernels.get(1).file());
      TracedProgram.Kernel first = (TracedProgram.Kernel) program.commands().get(1);
      assertEquals(first.launch(), reader.launch(kernels.get(0)));
      assertEquals(first.table(), reader.instructions(kernels.get(0)).instructions());
      assertEquals(first.ctas().size(), reader.ctaCount(kernels.get(0)));
      for (int i = 0; i < first.ctas().size(); i++) {
        assertEquals(first.ctas().get(i).ctaId(), reader.ctaId(kernels.get(0), i));
        assertEquals(first.ctas().get(i).warpInstructions(),
            reader.warpInstructions(kernels.get(0), i));
      }
      try (KernelTrace trace = reader.openKernel(kernels.get(0))) {
        assertFalse(trace.hasControlBits(), "one entry lacks control bits");
      }
      try (KernelTrace trace = reader.openKernel(kernels.get(2))) {
        assertTrue(trace.hasControlBits());
      }
    }
  }

  @Test
  void recognisesNativeFilesByContent() throws Exception {
    Path file = dir.resolve("any.name");
    roundTrip(edgeCases(), file, Codec.DEFLATE);
    assertTrue(NativeTraces.isNativeTrace(file));
    Path text = Files.writeString(dir.resolve("kernel-1.traceg"), "-kernel name = x\n");
    assertFalse(NativeTraces.isNativeTrace(text));
    assertFalse(NativeTraces.isNativeTrace(dir.resolve("missing.sstrace")));
    assertFalse(NativeTraces.isNativeTrace(dir));
    assertFalse(NativeTraces.isNativeTrace(Files.write(dir.resolve("short"), new byte[3])));
  }

  /**
   * Three kernels and memcpys: empty warps, an empty CTA, a kernel without CTAs, masks of 0,
   * 0..32 addresses, extreme addresses, immediates and register ranges, line info, extra header.
   */
  static TracedProgram edgeCases() {
    List<StaticInstruction> table = new ArrayList<>();
    int[] none = new int[0];
    table.add(new StaticInstruction(0, 12, "LDG.E.128.CONSTANT.SYS",
        new int[] {RegisterRange.of(RegisterRange.GENERAL, 4, 4)},
        new int[] {RegisterRange.general(2), RegisterRange.general(255)}, 16, false, 0, 0x1FFFFF));
    table.add(new StaticInstruction(16, StaticInstruction.NO_LINE, "DEPBAR.LE", none,
        new int[] {RegisterRange.of(RegisterRange.UNIFORM_PREDICATE, 7, 1)}, 0, true,
        Long.MIN_VALUE, 0));
    table.add(new StaticInstruction(32, 0, "STG.E", none,
        new int[] {RegisterRange.of(RegisterRange.UNIFORM, 63, 2)}, 4, true, -1, 5));
    table.add(new StaticInstruction(-16, -7, "EXIT", none, none, 0, true, Long.MAX_VALUE,
        StaticInstruction.NO_CONTROL));
    long[] lanes = new long[40];
    WarpTrace.Builder w0 = new WarpTrace.Builder(0);
    for (int n = 0; n <= 32; n++) {
      int mask = n == 32 ? -1 : (1 << n) - 1;
      for (int k = 0; k < n; k++) {
        lanes[k] = 0x7f0000000000L + 4L * k * n;
      }
      w0.add(0, mask, lanes, n, n % 3);
    }
    lanes[0] = Long.MIN_VALUE;
    lanes[1] = Long.MAX_VALUE;
    lanes[2] = 0;
    lanes[3] = -1;
    lanes[4] = Long.MIN_VALUE;
    w0.add(2, 0x8000_0011, lanes, 5, 2);
    w0.add(2, 0, lanes, 0, 1);
    w0.add(1, 0);
    w0.add(2, 0x1234, lanes, WarpTrace.MAX_ADDRESSES, 0); // more addresses than lanes in the mask
    w0.add(3, -1, lanes, 0, 127);
    w0.add(3, 0, lanes, 0, -128);
    CtaTrace cta0 = new CtaTrace(new Dim3(0, 0, 0),
        w0.build(), new WarpTrace.Builder(1).build(), new WarpTrace.Builder(2, 0).build());
    CtaTrace empty = new CtaTrace(new Dim3(7, 1, 0), List.of());
    KernelLaunch launch1 = new KernelLaunch("_Z5scalePfS_f", 1, new Dim3(8, 1, 1),
        new Dim3(96, 1, 1), 49152, 38, 86, 0x7f00_1234_5678L, 0x00007f0020000000L,
        0x00007f001e000000L, "nvbit 1.7", "5", true,
        List.of("-mref metadata version = 2", "-enable core id = 0", ""));
    KernelLaunch launch2 = new KernelLaunch("", 2, new Dim3(1, 1, 1), new Dim3(1, 1, 1), 0, 0,
        90, 0, 0, 0, "", "", false, List.of());
    KernelLaunch launch3 = new KernelLaunch("third", -3, new Dim3(1, 1, 1), new Dim3(32, 1, 1),
        -1, -1, 0, -1, -1, -1, "sassim emulator", "", false, List.of());
    WarpTrace.Builder w = new WarpTrace.Builder(0);
    w.add(0, -1, lanes, 32, 0);
    StaticInstruction controlled = table.get(0);
    List<Object> commands = List.of(
        new TraceCommand.Memcpy(0x00007f0000000000L, 512),
        new TracedProgram.Kernel(launch1, table, List.of(cta0, empty, cta0)),
        new TraceCommand.Memcpy(-1, Long.MAX_VALUE),
        new TracedProgram.Kernel(launch2, List.of(), List.of()),
        new TracedProgram.Kernel(launch3, List.of(controlled),
            List.of(new CtaTrace(new Dim3(0, 0, 0), w.build()))),
        new TraceCommand.Memcpy(0, 0));
    return new TracedProgram(commands);
  }
}
