package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.WarpTrace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader features that the shared traces do not exercise, on small composed traces. */
class AccelSimReaderTest {

  /** Tracer 5 with line numbers; warp 0 holds an LDGSTS in the two-record form of old tools. */
  static final String KERNEL = """
      -kernel name = _Z4copyPfS_
      -kernel id = 3
      -grid dim = (2,1,1)
      -block dim = (40,1,1)
      -shmem = 256
      -nregs = 16
      -binary version = 80
      -cuda stream id = 18446744073709551615
      -shmem base_addr = 0x00007f1000000000
      -local mem base_addr = 0x00007f0e00000000
      -nvbit version = 1.7
      -accelsim tracer version = 5
      -enable lineinfo = 1
      -mref metadata version = 2

      #traces format = [line_num] PC mask dest_num [reg_dests] opcode src_num [reg_srcs] mem_width [adrrescompress?] [mem_addresses] immediate

      #BEGIN_TB

      thread block = 1,0,0

      warp = 0
      insts = 5
      12 0000 ffffffff 1 R2 S2R 0 0 0
      13 0010 0000ffff 0 LDGSTS.E.BYPASS.128 2 R3 R4 16 1 0x7f1000000000 16 0
      13 0010 0000ffff 0 LDGSTS.E.BYPASS.128 2 R3 R4 16 1 0x7f0000001000 16 0
      14 0020 ffffffff 0 LDGDEPBAR 0 0 0
      15 0030 ffffffff 0 DEPBAR.LE 0 0 1

      warp = 1
      insts = 3
      16 0040 00000029 0 STG.E 2 R6 R3 4 2 0x7f0000001080 12 8 0
      13 0010 000000ff 0 LDGSTS.E.BYPASS.128 2 R3 R4 16 1 0x7f0000001100 16 0
      18 0050 000000ff 0 EXIT 0 0 0

      #END_TB
      """;

  @TempDir Path dir;

  private static KernelTrace open(String text) throws InputException {
    return AccelSimTraces.openKernel("composed.traceg",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void headerFieldsAndUnknownKeys() throws InputException {
    try (KernelTrace t = open(KERNEL)) {
      KernelLaunch l = t.launch();
      assertEquals("_Z4copyPfS_", l.name());
      assertEquals(3, l.kernelId());
      assertEquals(new Dim3(2, 1, 1), l.grid());
      assertEquals(new Dim3(40, 1, 1), l.block());
      assertEquals(2, l.warpsPerCta());
      assertEquals(256, l.sharedBytes());
      assertEquals(16, l.registersPerThread());
      assertEquals(80, l.binaryVersion());
      assertEquals(-1L, l.streamId());
      assertEquals(0x00007f1000000000L, l.sharedWindowBase());
      assertEquals(0x00007f0e00000000L, l.localWindowBase());
      assertEquals("nvbit 1.7", l.tracerName());
      assertEquals("5", l.tracerVersion());
      assertTrue(l.lineInfo());
      assertEquals(List.of("-mref metadata version = 2"), l.extraHeader());
    }
  }

  @Test
  void asyncCopyPairsMergeIntoTheGlobalRecord() throws InputException {
    try (KernelTrace t = open(KERNEL)) {
      CtaTrace cta = t.nextCta();
      assertEquals(new Dim3(1, 0, 0), cta.ctaId());
      WarpTrace w0 = cta.warps().get(0);
      assertEquals(4, w0.length(), "five lines, one LDGSTS pair");
      StaticInstruction copy = t.instructions().get(w0.instructionId(1));
      assertEquals("LDGSTS.E.BYPASS.128", copy.opcode());
      assertEquals(13, copy.lineNumber());
      assertEquals(RegisterRange.general(3), copy.source(0));
      assertEquals(RegisterRange.of(RegisterRange.GENERAL, 4, 2), copy.source(1));
      assertEquals(16, w0.addressCount(1));
      for (int k = 0; k < 16; k++) {
        assertEquals(0x7f0000001000L + 16L * k, w0.address(1, k));
      }
      assertEquals(1, t.instructions().get(w0.instructionId(3)).immediate());
      // A lone LDGSTS (the post-processor's form) stays as it is.
      WarpTrace w1 = cta.warps().get(1);
      assertEquals(3, w1.length());
      assertEquals(w0.instructionId(1), w1.instructionId(1));
      assertEquals(0x7f0000001100L, w1.address(1, 0));
      assertNull(t.nextCta());
      assertNull(t.nextCta());
    }
  }

  @Test
  void baseDeltaAddressesFollowTheActiveLanes() throws InputException {
    try (KernelTrace t = open(KERNEL)) {
      WarpTrace w1 = t.nextCta().warps().get(1);
      // Lanes 0, 3 and 5 store: base, then +12, then +8.
      assertEquals(0x29, w1.activeMask(0));
      assertEquals(2, w1.addressMode(0));
      assertEquals(3, w1.addressCount(0));
      assertEquals(0x7f0000001080L, w1.address(0, 0));
      assertEquals(0x7f000000108cL, w1.address(0, 1));
      assertEquals(0x7f0000001094L, w1.address(0, 2));
    }
  }

  @Test
  void windowsLineEndingsAndMissingWarps() throws InputException {
    String oneWarp = KERNEL.substring(0, KERNEL.indexOf("warp = 1")) + "#END_TB\n";
    try (KernelTrace t = open(oneWarp.replace("\n", "\r\n"))) {
      CtaTrace cta = t.nextCta();
      assertEquals(2, cta.warps().size());
      assertEquals(4, cta.warps().get(0).length());
      assertEquals(0, cta.warps().get(1).length(), "an unlisted warp is empty");
    }
  }

  @Test
  void headerOnlyKernelHasNoCtas() throws InputException {
    String header = KERNEL.substring(0, KERNEL.indexOf("#BEGIN_TB"));
    try (KernelTrace t = open(header)) {
      assertNull(t.nextCta());
    }
  }

  @Test
  void commandListsIgnoreUnknownCommandsAndResolveFromTheirFolder() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("run"));
    Files.writeString(sub.resolve("kernel-1.traceg"), KERNEL);
    Files.write(sub.resolve("kernelslist.g"), List.of(
        "MemcpyHtoD,0x00007f0000001000,512",
        "",
        "cudaMalloc,0x00007f0000002000,64",
        "  kernel-1.traceg  "));
    TraceSource source = AccelSimTraces.open(sub);
    assertEquals(sub.resolve("kernelslist.g").toString(), source.origin());
    assertEquals(List.of(new TraceCommand.Memcpy(0x00007f0000001000L, 512),
        new TraceCommand.Kernel(sub.resolve("kernel-1.traceg"))), source.commands());
    try (KernelTrace t = source.openKernel((TraceCommand.Kernel) source.commands().get(1))) {
      assertEquals("_Z4copyPfS_", t.launch().name());
    }
    assertEquals(source.commands(), AccelSimTraces.open(sub.resolve("kernelslist.g")).commands());
    TraceSource single = AccelSimTraces.open(sub.resolve("kernel-1.traceg"));
    assertEquals(List.of(new TraceCommand.Kernel(sub.resolve("kernel-1.traceg"))),
        single.commands());
  }

  @Test
  void errorsNameTheOriginGivenForAStream() {
    InputException e = assertThrows(InputException.class,
        () -> Kernels.readAll(open(KERNEL.replace("insts = 3", "insts = 4"))));
    assertEquals("composed.traceg", e.file());
    assertEquals(35, e.line());
    assertTrue(e.getMessage().startsWith("composed.traceg:35: warp 1 has only 3"), e.getMessage());
  }
}
