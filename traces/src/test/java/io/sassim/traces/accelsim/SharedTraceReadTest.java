package io.sassim.traces.accelsim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.WarpTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real traces in ../shared/traces read cleanly and agree with the tracer's stats.csv. */
class SharedTraceReadTest {

  @Test
  void everyTracedKernelMatchesItsStatsRow() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Path list : SharedTraces.kernelLists()) {
      StatsCsv stats = StatsCsv.read(list.resolveSibling("stats.csv"));
      TraceSource source = AccelSimTraces.open(list);
      for (TraceCommand c : source.commands()) {
        if (!(c instanceof TraceCommand.Kernel k)) {
          continue;
        }
        Kernels.Whole whole = Kernels.readAll(source.openKernel(k));
        KernelLaunch launch = whole.trace().launch();
        StatsCsv.Row row = stats.byKernel().get(StatsCsv.stem(k.file().getFileName().toString()));
        String what = k.file().toString();
        assertEquals(row.name(), launch.name(), what);
        assertArrayEquals(row.grid(), launch.grid().toArray(), what);
        assertArrayEquals(row.block(), launch.block().toArray(), what);
        assertEquals(row.totalInsts(), whole.warpInstructions(), what);
        for (CtaTrace cta : whole.ctas()) {
          assertEquals(launch.warpsPerCta(), cta.warps().size(), what);
        }
        whole.trace().close();
        checked.add(what);
      }
    }
    // 1 vecadd + 1 matmul + 1 Turing vecadd + 8 flashinfer kernels.
    assertEquals(11, checked.size(), checked.toString());
  }

  @Test
  void vectorAddHas344WarpInstructionsAndThreeCopies() throws Exception {
    Path folder = SharedTraces.require(SharedTraces.VECTORADD);
    TraceSource source = AccelSimTraces.open(folder);
    assertEquals(List.of(
            new TraceCommand.Memcpy(0x00007f2b2d500000L, 400),
            new TraceCommand.Memcpy(0x00007f2b2d500200L, 400),
            new TraceCommand.Memcpy(0x00007f2b2d500400L, 400),
            new TraceCommand.Kernel(folder.resolve("kernel-1.traceg"))),
        source.commands());
    Kernels.Whole k = Kernels.read(folder.resolve("kernel-1.traceg"));
    assertEquals(344, k.warpInstructions());
    KernelLaunch launch = k.trace().launch();
    assertEquals("_Z6vecAddIfEvPT_S1_S1_i", launch.name());
    assertEquals(61, launch.binaryVersion());
    assertEquals(8, launch.registersPerThread());
    assertEquals("nvbit 1.5.5", launch.tracerName());
    assertEquals("4", launch.tracerVersion());
    assertEquals(0x00007f2b5a000000L, launch.sharedWindowBase());
    assertEquals(0x00007f2b58000000L, launch.localWindowBase());
    assertFalse(launch.lineInfo());
    assertFalse(k.trace().hasControlBits());
  }

  @Test
  void stridedLoadsDecodeLanePerLane() throws Exception {
    Kernels.Whole k = Kernels.read(
        SharedTraces.require(SharedTraces.VECTORADD).resolve("kernel-1.traceg"));
    WarpTrace warp1 = k.ctas().get(0).warps().get(1);
    int i = k.atPc(warp1, 0x0098); // LDG.E.CG 1 R4 4 1 0x7f2b2d500080 4
    assertEquals(1, warp1.addressMode(i));
    assertEquals(32, warp1.addressCount(i));
    for (int lane = 0; lane < 32; lane++) {
      assertEquals(0x7f2b2d500080L + 4L * lane, warp1.address(i, lane));
    }
    StaticInstruction ldg = k.instruction(warp1, i);
    assertEquals("LDG.E.CG", ldg.opcode());
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 4, 1), ldg.destination(0));
    // .E: a 64-bit address even on sm_61.
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 4, 2), ldg.source(0));
    assertEquals(4, ldg.memoryWidth());
    assertFalse(ldg.hasImmediate());
    int exit = k.atPc(warp1, 0x0058); // predicated-off EXIT: mask 0, kept
    assertEquals(0, warp1.activeMask(exit));
    assertEquals(WarpTrace.MODE_NONE, warp1.addressMode(exit));
  }

  @Test
  void predicatedOffLoadsAndNegativeImmediatesOfTracerFive() throws Exception {
    Path folder = SharedTraces.require(SharedTraces.FLASHINFER);
    Kernels.Whole k = Kernels.read(folder.resolve("kernel-1.traceg.xz"));
    assertEquals("5", k.trace().launch().tracerVersion());
    assertEquals(80, k.trace().launch().binaryVersion());
    WarpTrace w = k.ctas().get(0).warps().get(0);

    int i = k.atPc(w, 0x0080); // 0080 00000000 1 R6 LDG.E.64 1 R28 8 1 0x0 0 0
    assertEquals(0, w.activeMask(i));
    assertEquals(1, w.addressMode(i));
    assertEquals(0, w.addressCount(i));
    StaticInstruction ldg = k.instruction(w, i);
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 6, 2), ldg.destination(0));
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 28, 2), ldg.source(0));
    assertTrue(ldg.hasImmediate());
    assertEquals(0, ldg.immediate());

    StaticInstruction iadd = k.instruction(w, k.atPc(w, 0x00f0)); // IADD3 2 R8 R255 0 -1
    assertEquals(-1, iadd.immediate());
    assertEquals(RegisterRange.general(255), iadd.source(1));
    assertTrue(RegisterRange.isConstant(iadd.source(1)));

    // IMAD.WIDE.U32 2 R13 R255 0 -845247145: a pair written, RZ stays one register.
    StaticInstruction wide = k.instruction(w, k.atPc(w, 0x01d0));
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 2, 2), wide.destination(0));
    assertEquals(RegisterRange.general(13), wide.source(0));
    assertEquals(RegisterRange.general(255), wide.source(1));
    assertEquals(-845247145L, wide.immediate());
  }

  @Test
  void singleLaneStoresUseBaseDeltaMode() throws Exception {
    Path folder = SharedTraces.require(SharedTraces.FLASHINFER);
    Kernels.Whole k = Kernels.read(folder.resolve("kernel-6.traceg.xz"));
    WarpTrace w = k.ctas().get(0).warps().get(0);
    int i = k.atPc(w, 0x00e0); // 00e0 00000001 0 STG.E.128 2 R2 R4 16 2 0x7f04c2301200 0
    assertEquals(2, w.addressMode(i));
    assertEquals(1, w.addressCount(i));
    assertEquals(0x7f04c2301200L, w.address(i, 0));
    StaticInstruction stg = k.instruction(w, i);
    assertEquals(0, stg.destinationCount());
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 2, 2), stg.source(0));
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 4, 4), stg.source(1));
    assertEquals(16, stg.memoryWidth());
  }

  @Test
  void sharedMemoryOperandsOnPascal() throws Exception {
    Kernels.Whole k = Kernels.read(
        SharedTraces.require(SharedTraces.MATRIXMUL).resolve("kernel-1.traceg"));
    assertEquals(new Dim3(32, 32, 1), k.trace().launch().block());
    WarpTrace w = k.ctas().get(0).warps().get(0);
    int i = k.atPc(w, 0x0278); // 1 R12 LDS.U.128 1 R2 16 1 0x0 0: a broadcast, stride 0
    StaticInstruction lds = k.instruction(w, i);
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 12, 4), lds.destination(0));
    assertEquals(RegisterRange.general(2), lds.source(0));
    for (int lane = 0; lane < 32; lane++) {
      assertEquals(0, w.address(i, lane));
    }
    StaticInstruction sts = k.instruction(w, k.atPc(w, 0x0248)); // STS 2 R0 R25 4 1 0x0 4
    assertArrayEquals(new int[] {RegisterRange.general(0), RegisterRange.general(25)},
        sts.sources());
  }

  @Test
  void legacyPrefixedLinesOfTracer12() throws Exception {
    Path folder = SharedTraces.require(SharedTraces.TURING);
    Kernels.Whole k = Kernels.read(folder.resolve("kernel-1.traceg"));
    assertEquals("1.2", k.trace().launch().tracerVersion());
    assertEquals(98, k.ctas().size());
    assertEquals(new Dim3(97, 0, 0), k.ctas().get(97).ctaId());
    WarpTrace w = k.ctas().get(0).warps().get(0);
    StaticInstruction dadd = k.instruction(w, k.atPc(w, 0x00c0)); // 1 R6 DADD 2 R4 R2 0
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 6, 2), dadd.destination(0));
    assertArrayEquals(new int[] {RegisterRange.of(RegisterRange.GENERAL, 4, 2),
        RegisterRange.of(RegisterRange.GENERAL, 2, 2)}, dadd.sources());
    int i = k.atPc(w, 0x0090); // 1 R4 LDG.E.64.SYS 1 R4 8 1 0x00007f2d93400000 8
    assertEquals(RegisterRange.of(RegisterRange.GENERAL, 4, 2),
        k.instruction(w, i).destination(0));
    assertEquals(0x00007f2d93400000L + 8 * 31, w.address(i, 31));
  }
}
