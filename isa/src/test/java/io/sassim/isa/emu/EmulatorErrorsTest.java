package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Launches the emulator cannot finish end with one message naming listing line, kernel and PC. */
class EmulatorErrorsTest {

  @Test
  void unsupportedInstructionNamesOpcodePcKernelAndLine() throws Exception {
    // printf: LEPC and a relocated CALL.ABS to vprintf, whose code is not in the listing.
    Emulator e = Emulator.forLaunch(Launches.workload("printf_call"), Architecture.SM_86);
    List<String> unsupported = e.unsupported();
    assertTrue(unsupported.stream().anyMatch(s -> s.startsWith("0x0170 LEPC R2")), unsupported.toString());
    EmulationException x = assertThrows(EmulationException.class, () -> e.run(null));
    assertTrue(x.getMessage().endsWith("printf_call.sm_86.sass:56: kernel printf_call, PC 0x170 (LEPC R2), "
        + "CTA (0,0,0) warp 0: unsupported instruction LEPC: no emulation for opcode LEPC"), x.getMessage());
    assertEquals(56, x.line());
  }

  @Test
  void accessOutsideEveryBufferIsAFault() throws Exception {
    WarpHarness h = new WarpHarness("LDG.E R8, [R4.64]").set(4, 0x1000).set(5, 0);
    EmulationException x = assertThrows(EmulationException.class, h::run);
    assertTrue(x.getMessage().contains("PC 0x0 (LDG.E R8, [R4.64])"), x.getMessage());
    assertTrue(x.getMessage().contains("global address 0x1000 (4 bytes) is in no buffer"), x.getMessage());
  }

  @Test
  void misalignedAccessIsAFault() throws Exception {
    WarpHarness h = new WarpHarness("LDS.64 R8, [R4]").set(4, 4);
    EmulationException x = assertThrows(EmulationException.class, h::run);
    assertTrue(x.getMessage().contains("misaligned 8-byte access at 0x4"), x.getMessage());
  }

  @Test
  void trapEndsTheLaunch() throws Exception {
    WarpHarness h = new WarpHarness("@P0 BPT.TRAP 0x1").setPredicateMask(0, 1 << 5);
    EmulationException x = assertThrows(EmulationException.class, h::run);
    assertTrue(x.getMessage().contains("trapped"), x.getMessage());
  }
}
