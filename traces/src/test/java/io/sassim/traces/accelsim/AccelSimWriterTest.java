package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.TraceAssertions;
import io.sassim.traces.TraceTexts;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer publishes atomically and writes what the reader reads back unchanged. */
class AccelSimWriterTest {

  @TempDir Path dir;

  private static final KernelLaunch LAUNCH = new KernelLaunch("_Z1kv", 1, new Dim3(1, 1, 1),
      new Dim3(32, 1, 1), 0, 8, 86, 0, 0, 0, "sassim emulator", "", false, List.of());

  private static StaticInstruction load(int pc) {
    return new StaticInstruction(pc, StaticInstruction.NO_LINE, "LDG.E",
        new int[] {RegisterRange.general(4)}, new int[] {RegisterRange.of(0, 2, 2)}, 4, false, 0,
        StaticInstruction.NO_CONTROL);
  }

  private static long[] lanes(long base, long step) {
    long[] a = new long[32];
    for (int k = 0; k < 32; k++) {
      a[k] = base + step * k;
    }
    return a;
  }

  private List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void outputAppearsOnlyAtCommit() throws IOException {
    Path out = dir.resolve("out");
    try (TraceWriter w = AccelSimTraces.writer(out)) {
      w.memcpy(0x7f0000001000L, 512);
      w.beginKernel(LAUNCH);
      w.endKernel();
      assertFalse(Files.exists(out));
      assertEquals(1, listing(dir).size(), "one hidden temporary folder");
      assertTrue(listing(dir).get(0).startsWith(".out.tmp-"), listing(dir).toString());
      w.commit();
      assertThrows(IllegalStateException.class, () -> w.memcpy(0, 1));
    }
    assertEquals(List.of("out"), listing(dir));
    assertEquals(List.of("kernel-1.traceg", "kernelslist.g"), listing(out));
    assertEquals(List.of("MemcpyHtoD,0x00007f0000001000,512", "kernel-1.traceg"),
        Files.readAllLines(out.resolve("kernelslist.g")));
    assertThrows(IOException.class, () -> AccelSimTraces.writer(out), "never overwrites");
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws IOException {
    try (TraceWriter w = AccelSimTraces.writer(dir.resolve("out"), true)) {
      w.beginKernel(LAUNCH);
      w.cta(new CtaTrace(new Dim3(0, 0, 0), new WarpTrace.Builder(0).build()),
          new InstructionTable());
      // Closed with the kernel still open, as after an exception.
    }
    assertEquals(List.of(), listing(dir));
  }

  @Test
  void addressModesKeptWhenTheyFitAndChosenOtherwise() throws Exception {
    InstructionTable table = new InstructionTable();
    int ldg = table.intern(load(0x10));
    long[] strided = lanes(0x1000, 4);
    long[] irregular = lanes(0x1000, 4);
    irregular[7] = 0x9000;
    WarpTrace warp = new WarpTrace.Builder(0)
        .add(ldg, -1, strided, 32, 0) // listed in full: kept as mode 0
        .add(ldg, -1, strided, 32, WarpTrace.MODE_NONE) // no mode: stride, as the tracer would
        .add(ldg, -1, irregular, 32, 1) // stride cannot express it: deltas
        .add(ldg, 0, strided, 0, WarpTrace.MODE_NONE) // no lane: base 0, stride 0
        .add(ldg, 0x10, strided, 1, 1) // one lane in stride mode is still exact
        .build();
    Path out = dir.resolve("out");
    try (TraceWriter w = AccelSimTraces.writer(out)) {
      w.beginKernel(LAUNCH);
      w.cta(new CtaTrace(new Dim3(0, 0, 0), warp), table);
      w.endKernel();
      w.commit();
    }
    List<String> lines = Files.readAllLines(out.resolve("kernel-1.traceg"));
    int first = lines.indexOf("insts = 5") + 1;
    List<String> body = lines.subList(first, first + 5);
    assertTrue(body.get(0).startsWith("0010 ffffffff 1 R4 LDG.E 1 R2 4 0 0x0000000000001000 "
        + "0x0000000000001004 "), body.get(0));
    assertEquals("0010 ffffffff 1 R4 LDG.E 1 R2 4 1 0x1000 4 ", body.get(1));
    assertTrue(body.get(2).startsWith("0010 ffffffff 1 R4 LDG.E 1 R2 4 2 0x1000 4 4 4 4 4 4 "
        + (0x9000 - 0x1018) + " " + (0x1020 - 0x9000) + " 4 "), body.get(2));
    assertEquals("0010 00000000 1 R4 LDG.E 1 R2 4 1 0x0 0 ", body.get(3));
    assertEquals("0010 00000010 1 R4 LDG.E 1 R2 4 1 0x1000 0 ", body.get(4));
    // Read back: the same entries, now each with the mode it was written in.
    WarpTrace written = new WarpTrace.Builder(0)
        .add(ldg, -1, strided, 32, 0)
        .add(ldg, -1, strided, 32, 1)
        .add(ldg, -1, irregular, 32, 2)
        .add(ldg, 0, strided, 0, 1)
        .add(ldg, 0x10, strided, 1, 1)
        .build();
    Kernels.Whole back = Kernels.read(out.resolve("kernel-1.traceg"));
    assertEquals(written, back.ctas().get(0).warps().get(0));
    assertFalse(written.equals(warp), "warps differing only in address modes differ");
    assertEquals("sassim emulator", back.trace().launch().tracerName());
  }

  @Test
  void onlyFirstGeneralRegistersAndLineNumbersAreWritten() throws Exception {
    InstructionTable table = new InstructionTable();
    int hmma = table.intern(new StaticInstruction(0x20, 7, "HMMA.16816.F32",
        new int[] {RegisterRange.of(0, 8, 4)},
        new int[] {RegisterRange.of(0, 8, 4), RegisterRange.of(RegisterRange.UNIFORM, 4, 1),
            RegisterRange.of(0, 12, 2), RegisterRange.of(0, 16, 4)},
        0, true, 0, StaticInstruction.NO_CONTROL));
    KernelLaunch launch = new KernelLaunch("_Z1kv", 1, new Dim3(1, 1, 1), new Dim3(32, 1, 1), 0,
        8, 86, 0, 0, 0, "nvbit 1.7", "5", true, List.of("-enable core id = 0"));
    Path out = dir.resolve("out");
    try (TraceWriter w = AccelSimTraces.writer(out)) {
      w.beginKernel(launch);
      w.cta(new CtaTrace(new Dim3(0, 0, 0), new WarpTrace.Builder(0).add(hmma, -1).build()),
          table);
      w.endKernel();
      w.commit();
    }
    List<String> lines = Files.readAllLines(out.resolve("kernel-1.traceg"));
    assertTrue(lines.contains("7 0020 ffffffff 1 R8 HMMA.16816.F32 3 R8 R12 R16 0 0 "),
        lines.toString());
    assertTrue(lines.contains("-accelsim tracer version = 4"));
    assertTrue(lines.contains("-enable lineinfo = 1"));
    assertTrue(lines.contains("-enable core id = 0"));
    StaticInstruction back = Kernels.read(out.resolve("kernel-1.traceg")).table().get(0);
    assertEquals(7, back.lineNumber());
    assertEquals(List.of(RegisterRange.of(0, 8, 4), RegisterRange.of(0, 12, 2),
        RegisterRange.of(0, 16, 4)), List.of(back.source(0), back.source(1), back.source(2)));
  }

  @Test
  void rejectsEntriesTheFormatCannotHold() throws IOException {
    InstructionTable table = new InstructionTable();
    int ldg = table.intern(load(0x10));
    WarpTrace missing = new WarpTrace.Builder(0).add(ldg, -1).build();
    try (TraceWriter w = AccelSimTraces.writer(dir.resolve("out"))) {
      w.beginKernel(LAUNCH);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> w.cta(new CtaTrace(new Dim3(0, 0, 0), missing), table));
      assertTrue(e.getMessage().contains("0 addresses for 32 active lanes"), e.getMessage());
    }
  }

  /**
   * Every shared trace, written and read back: same commands, launches, instruction tables and
   * warp streams, compressed or not.
   */
  @Test
  void sharedTracesRoundTrip() throws Exception {
    int n = 0;
    for (Path list : SharedTraces.kernelLists()) {
      for (boolean compress : new boolean[] {false, true}) {
        Path out = dir.resolve("rt-" + n++);
        try (TraceSource source = AccelSimTraces.open(list)) {
          copy(source, out, compress);
          assertTrue(TraceAssertions.assertSameProgram(source, AccelSimTraces.open(out), "4") > 0);
        }
      }
    }
    assertEquals(8, n);
  }

  private static void copy(TraceSource source, Path out, boolean compress) throws Exception {
    try (TraceWriter w = AccelSimTraces.writer(out, compress)) {
      TraceFiles.copy(source, w);
    }
  }

  /**
   * Tracer 4 and 5 inputs come back line for line: the same header (but for the version), and
   * the same blocks, warps and instruction lines up to trailing spaces.
   */
  @Test
  void tracerFourAndFiveTracesAreRewrittenTextually() throws Exception {
    int kernels = 0;
    for (Path list : SharedTraces.kernelLists()) {
      if (list.getParent().endsWith(SharedTraces.TURING)) {
        continue;
      }
      Path out = dir.resolve("text-" + list.getParent().getFileName());
      TraceSource source = AccelSimTraces.open(list);
      copy(source, out, false);
      kernels += TraceTexts.assertSameKernelTexts(source, AccelSimTraces.open(out));
    }
    assertEquals(10, kernels);
  }
}
