package io.sassim.isa.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.ElementType;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * pointer_chase64 follows absolute addresses, so the emulator must build the chain at the
 * address it gives the buffer. The expected end of the chase follows from the L1 spec alone:
 * 2048 u64 elements chained every 64 bytes in order are a cycle of 256 slots, and the kernel
 * takes 2 × steps hops from the base.
 */
class PointerChase64Test {
  private static final String L1 = "validation/microbench/pointer_chase64/pointer_chase64.l1.launch.yaml";

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"SM_80", "SM_86", "SM_89", "SM_90"})
  void theChaseEndsAtTheAddressTheSpecImplies(Architecture arch) throws Exception {
    LaunchSpec spec = Launches.spec(L1);
    for (int steps : new int[] {256, 100, 37}) {
      Emulator emu = Emulator.forLaunch(withSteps(spec, steps), arch);
      long base = emu.bufferAddresses().get(0);
      EmulationResult r = emu.run(null);
      long sink = Launches.le(r.buffers().get("sink")).getLong(0);
      long expected = base + (2L * steps % 256) * 64;
      assertEquals(expected, sink, arch + ", steps " + steps + ": final pointer 0x"
          + Long.toHexString(sink) + ", base 0x" + Long.toHexString(base));
      ByteBuffer chain = Launches.le(r.buffers().get("chain"));
      assertEquals(base + 64, chain.getLong(0), "slot 0 holds the address of slot 1");
      assertEquals(base, chain.getLong(255 * 64), "the last slot closes the cycle");
      assertTrue(Launches.le(r.buffers().get("clocks")).getLong(0) > 0);
    }
  }

  private static LaunchSpec withSteps(LaunchSpec spec, int steps) {
    List<KernelArg> args = new ArrayList<>();
    for (KernelArg a : spec.args()) {
      args.add(a instanceof ScalarArg s && s.name().equals("steps")
          ? new ScalarArg("steps", ElementType.S32, (long) steps) : a);
    }
    return new LaunchSpec(spec.source(), spec.kernel(), spec.binary(), spec.archs(), spec.grid(),
        spec.block(), spec.dynamicSharedBytes(), spec.repeat(), args);
  }
}
