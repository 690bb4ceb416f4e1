package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.ElementType;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.validation.RepoFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedLaunchTest {

  private static final List<Architecture> HOPPER = List.of(Architecture.SM_90, Architecture.SM_90A);

  @Test
  void vecaddParametersInSpecOrder() throws Exception {
    LaunchSpec spec = RepoFiles.spec("traces/kernels/vecadd/vecadd");
    PreparedLaunch p = PreparedLaunch.prepare("vecadd", spec, Architecture.SM_90);
    assertEquals(List.of("a", "b", "c", "n"), p.params().stream().map(ParamSlot::name).toList());
    assertEquals(List.of(8, 8, 8, 4), p.params().stream().map(ParamSlot::bytes).toList());
    assertEquals(List.of(0, 1, 2, -1), p.params().stream().map(ParamSlot::bufferIndex).toList());
    assertEquals(28, p.paramBytes());
    ParamSlot n = p.params().get(3);
    assertEquals(ElementType.S32, n.type());
    int count = (int) spec.buffers().get(0).count();
    assertArrayEquals(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(count).array(),
        n.scalarBytes());
    for (int i = 0; i < 3; i++) {
      assertEquals(count * 4, p.buffers().get(i).length);
      assertNull(p.params().get(i).scalarBytes());
    }
    assertTrue(p.bufferArgs().get(2).output());
    assertArrayEquals(Files.readAllBytes(RepoFiles.root()
        .resolve("traces/kernels/vecadd/vecadd.sm_90.cubin")), p.binaryBytes());
  }

  @Test
  void mixedScalarTypesMarshalLittleEndian() throws Exception {
    // half2_axpy: (f32 a, f16* x, f16* y, u32 bias, s32 n2) — scalars of three types.
    PreparedLaunch p = PreparedLaunch.prepare("h",
        RepoFiles.spec("traces/kernels/half2_axpy/half2_axpy"), Architecture.SM_90);
    List<ParamSlot> s = p.params();
    assertEquals(List.of(4, 8, 8, 4, 4), s.stream().map(ParamSlot::bytes).toList());
    assertEquals(1.5f, ByteBuffer.wrap(s.get(0).scalarBytes()).order(ByteOrder.LITTLE_ENDIAN)
        .getFloat());
    assertEquals(3087023104L, Integer.toUnsignedLong(ByteBuffer.wrap(s.get(3).scalarBytes())
        .order(ByteOrder.LITTLE_ENDIAN).getInt()));
    assertEquals(ElementType.F16, s.get(1).type());
    assertEquals(p.bufferArgs().get(0).count() * 2, p.buffers().get(0).length);
  }

  @Test
  void microbenchmarkClocksBufferAndChain() throws Exception {
    LaunchSpec spec = RepoFiles.spec("validation/microbench/pointer_chase/pointer_chase.l1");
    PreparedLaunch p = PreparedLaunch.prepare("l1", spec, Architecture.SM_90);
    assertTrue(spec.clocksBuffer().isPresent());
    int chain = p.params().get(0).bufferIndex();
    ByteBuffer b = ByteBuffer.wrap(p.buffers().get(chain)).order(ByteOrder.LITTLE_ENDIAN);
    // Following the chain from 0 returns to 0 after visiting distinct slots.
    long at = 0;
    int steps = 0;
    do {
      at = Integer.toUnsignedLong(b.getInt((int) at * 4));
      steps++;
    } while (at != 0 && steps <= p.bufferArgs().get(0).count());
    assertEquals(0, at);
    assertTrue(steps > 1);
  }

  @Test
  void pointerChainIsPreparedAsOffsetsAndRebuiltForTheAllocation() throws Exception {
    LaunchSpec spec = RepoFiles.spec("validation/microbench/pointer_chase64/pointer_chase64.l2");
    PreparedLaunch p = PreparedLaunch.prepare("l2", spec, Architecture.SM_90);
    int chain = p.params().get(0).bufferIndex();
    assertTrue(p.bufferArgs().get(chain).holdsAddresses());
    long bytes = p.bufferArgs().get(chain).byteSize();
    // A dry run records offsets (address 0): 1 MiB over 128-byte lines, one cycle of 8192.
    ByteBuffer offsets = ByteBuffer.wrap(p.buffers().get(chain)).order(ByteOrder.LITTLE_ENDIAN);
    long base = 0x7f12_3456_0000L; // cuMemAlloc's kind of address, 256-byte aligned
    ByteBuffer device = ByteBuffer.wrap(p.contentsAt(chain, base)).order(ByteOrder.LITTLE_ENDIAN);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    long at = base;
    do {
      assertTrue(at >= base && at < base + bytes && (at - base) % 128 == 0,
          "inside the buffer on a line: 0x" + Long.toHexString(at));
      assertTrue(seen.add(at), "revisited 0x" + Long.toHexString(at));
      int slot = (int) (at - base);
      assertEquals(base + offsets.getLong(slot), device.getLong(slot));
      at = device.getLong(slot);
    } while (at != base);
    assertEquals(8192, seen.size());
    // Buffers without addresses upload exactly what was prepared.
    int clocks = p.params().get(2).bufferIndex();
    assertTrue(p.contentsAt(clocks, base) == p.buffers().get(clocks));
  }

  @Test
  void archChoiceFollowsPreferenceAndExistingBinaries() throws Exception {
    assertEquals(Architecture.SM_90,
        PreparedLaunch.chooseArch(RepoFiles.spec("traces/kernels/vecadd/vecadd"), HOPPER));
    LaunchSpec wgmma = RepoFiles.spec("traces/kernels/wgmma_tile/wgmma_tile");
    assertEquals(Architecture.SM_90A, PreparedLaunch.chooseArch(wgmma, HOPPER));
    assertNull(PreparedLaunch.chooseArch(wgmma, List.of(Architecture.SM_80)));
    assertFalse(Files.exists(wgmma.binaryFor(Architecture.SM_90)));
  }
}
