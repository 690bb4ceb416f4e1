package io.sassim.traces.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.isa.sass.Instruction;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.fixtures.ListingTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.model.WarpTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emulated launches recorded into both formats and read back by the ordinary trace readers. */
class EmulatedTraceTest {

  @TempDir Path tmp;

  private static Emulator emulator(String workload, Architecture arch) throws Exception {
    Path spec = ListingTraces.repoRoot().resolve("traces/kernels/" + workload + "/" + workload + ".launch.yaml");
    return Emulator.forLaunch(LaunchSpecLoader.load(spec), arch);
  }

  private static EmulationResult record(Emulator e, Path out, TraceFormat format) throws Exception {
    try (TraceWriter w = TraceFiles.writer(out, format, false)) {
      EmulationResult r = EmulatedTrace.record(e, w, null);
      w.commit();
      return r;
    }
  }

  @Test
  void vecaddTraceHasEveryLaneAddressAndTheListingsControlBits() throws Exception {
    Emulator e = emulator("vecadd", Architecture.SM_86);
    Path out = tmp.resolve("vecadd.sstrace");
    record(e, out, TraceFormat.NATIVE);
    long b = e.bufferAddresses().get(1);
    long c = e.bufferAddresses().get(2);
    try (TraceSource source = TraceFiles.open(out)) {
      List<TraceCommand> commands = source.commands();
      assertEquals(4, commands.size(), "three copies, then the kernel");
      TraceCommand.Kernel k = (TraceCommand.Kernel) commands.get(3);
      try (KernelTrace kernel = source.openKernel(k)) {
        assertEquals("vecadd", kernel.launch().name());
        assertEquals(86, kernel.launch().binaryVersion());
        assertEquals(EmulatedTrace.TRACER, kernel.launch().tracerName());
        assertTrue(kernel.hasControlBits());
        List<Instruction> listing = e.kernel().listing().instructions();
        int ctas = 0;
        for (CtaTrace cta = kernel.nextCta(); cta != null; cta = kernel.nextCta()) {
          long block = cta.ctaId().x();
          assertEquals(8, cta.warps().size());
          for (WarpTrace w : cta.warps()) {
            assertEquals(16, w.length());
            for (int i = 0; i < w.length(); i++) {
              StaticInstruction s = kernel.instructions().get(w.instructionId(i));
              assertEquals(i * 16, s.pc());
              assertEquals(listing.get(i).control().encode(), s.control());
              assertEquals(i == 5 ? 0 : -1, w.activeMask(i), "@P0 EXIT is off in every lane");
            }
            long first = block * 256 + w.warpInCta() * 32;
            // 0x0a0: LDG.E.CONSTANT R4, [R4.64] reads b[i]; 0x0e0: STG.E [R6.64], R9 writes c[i].
            for (int lane = 0; lane < 32; lane++) {
              assertEquals(b + 4 * (first + lane), w.address(10, lane));
              assertEquals(c + 4 * (first + lane), w.address(14, lane));
            }
          }
          ctas++;
        }
        assertEquals(256, ctas);
      }
    }
  }

  @Test
  void divergentScanRoundTripsThroughAccelSimText() throws Exception {
    Emulator e = emulator("scan", Architecture.SM_86);
    Path out = tmp.resolve("scan");
    EmulationResult r = record(e, out, TraceFormat.ACCELSIM);
    assertTrue(Files.isRegularFile(out.resolve("kernelslist.g")));
    long warpInstructions = 0;
    long threadInstructions = 0;
    List<Integer> masks = new ArrayList<>();
    try (TraceSource source = TraceFiles.open(out)) {
      for (TraceCommand command : source.commands()) {
        if (command instanceof TraceCommand.Kernel k) {
          try (KernelTrace kernel = source.openKernel(k)) {
            assertFalse(kernel.hasControlBits(), "Accel-Sim text has no place for control bits");
            for (CtaTrace cta = kernel.nextCta(); cta != null; cta = kernel.nextCta()) {
              for (WarpTrace w : cta.warps()) {
                for (int i = 0; i < w.length(); i++) {
                  warpInstructions++;
                  threadInstructions += Integer.bitCount(w.activeMask(i));
                  if (cta.ctaId().x() == 0 && w.warpInCta() == 0) {
                    masks.add(w.activeMask(i));
                  }
                }
              }
            }
          }
        }
      }
    }
    assertEquals(r.warpInstructions(), warpInstructions);
    assertEquals(r.threadInstructions(), threadInstructions);
    // Warp 0 scans the warp totals under divergence: some of its entries have part of the mask.
    assertTrue(masks.stream().anyMatch(m -> m != -1 && m != 0), masks.toString());
  }

  @Test
  void aFailedLaunchLeavesNoTrace() throws Exception {
    Emulator e = emulator("printf_call", Architecture.SM_86);
    Path out = tmp.resolve("printf");
    try (TraceWriter w = TraceFiles.writer(out, TraceFormat.ACCELSIM, false)) {
      org.junit.jupiter.api.Assertions.assertThrows(io.sassim.isa.emu.EmulationException.class,
          () -> EmulatedTrace.record(e, w, null));
    }
    assertFalse(Files.exists(out));
    try (var files = Files.list(tmp)) {
      assertNull(files.findAny().orElse(null), "no temporary folder left behind");
    }
  }
}
