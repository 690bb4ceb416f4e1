package io.sassim.traces.stats;

import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.WarpTrace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running counts of one kernel while its CTAs stream past. Each static instruction is
 * classified once, when its id first appears, into primitive arrays indexed by id; the per
 * instruction loop then only indexes arrays and adds.
 */
final class KernelTally {

  private static final int SECTOR_SHIFT = 5;
  /** A 128-byte line is four 32-byte sectors. */
  static final int SECTORS_PER_LINE_SHIFT = 2;
  /** {@code MemorySpace.values()} once: the method copies its array on every call. */
  private static final MemorySpace[] SPACES = MemorySpace.values();

  private final KernelLaunch launch;
  private final OpcodeClasses classes;
  private final LongHashSet sectors;

  private byte[] bucketOf = new byte[64];
  private byte[] spaceOf = new byte[64];
  private int[] widthOf = new int[64];
  private int classified;

  private final long[] mix = new long[OpcodeClasses.BUCKETS.length];
  private final long[] spaceCounts = new long[MemorySpace.values().length];
  private long ctas;
  private long warps;
  private long warpSlots;
  private long warpInstructions;
  private long threadInstructions;
  private long memoryInstructions;
  private long bytes;

  /** @param sectors an empty set to collect the kernel's global sectors in */
  KernelTally(KernelLaunch launch, LongHashSet sectors) {
    this.launch = launch;
    this.classes = OpcodeClasses.forBinaryVersion(launch.binaryVersion());
    this.sectors = sectors;
  }

  /** Counts one block; {@code table} resolves its ids. */
  void add(CtaTrace cta, InstructionTable table) {
    classifyNew(table);
    ctas++;
    for (int w = 0; w < cta.warps().size(); w++) {
      WarpTrace warp = cta.warps().get(w);
      warpSlots++;
      int n = warp.length();
      if (n > 0) {
        warps++;
      }
      warpInstructions += n;
      for (int i = 0; i < n; i++) {
        int id = warp.instructionId(i);
        mix[bucketOf[id]]++;
        threadInstructions += Integer.bitCount(warp.activeMask(i));
        int width = widthOf[id];
        if (width > 0) {
          memoryAccess(warp, i, width, spaceOf[id]);
        }
      }
    }
  }

  private void memoryAccess(WarpTrace warp, int i, int width, int spaceIndex) {
    memoryInstructions++;
    int count = warp.addressCount(i);
    bytes += (long) count * width;
    MemorySpace space = SPACES[spaceIndex];
    if (space == MemorySpace.GENERIC) {
      // Accel-Sim's rule: the first active lane's address decides for the whole instruction.
      space = count == 0 ? MemorySpace.GLOBAL : MemorySpace.ofGenericAddress(warp.address(i, 0), launch);
    }
    spaceCounts[space.ordinal()]++;
    if (space != MemorySpace.GLOBAL) {
      return;
    }
    for (int k = 0; k < count; k++) {
      long address = warp.address(i, k);
      long last = (address + width - 1) >>> SECTOR_SHIFT;
      for (long s = address >>> SECTOR_SHIFT; s <= last; s++) {
        sectors.add(s);
      }
    }
  }

  private void classifyNew(InstructionTable table) {
    int size = table.size();
    if (size > bucketOf.length) {
      int capacity = Math.max(size, 2 * bucketOf.length);
      bucketOf = Arrays.copyOf(bucketOf, capacity);
      spaceOf = Arrays.copyOf(spaceOf, capacity);
      widthOf = Arrays.copyOf(widthOf, capacity);
    }
    for (int id = classified; id < size; id++) {
      StaticInstruction s = table.get(id);
      bucketOf[id] = (byte) classes.bucket(s.baseOpcode());
      widthOf[id] = s.memoryWidth();
      spaceOf[id] = (byte) MemorySpace.of(s.baseOpcode()).ordinal();
    }
    classified = size;
  }

  KernelStatistics result(String file, int staticInstructions, boolean hasControlBits, int limit) {
    LongHashSet lines = new LongHashSet(limit);
    lines.addAll(sectors, SECTORS_PER_LINE_SHIFT);
    MemoryStatistics memory = new MemoryStatistics(memoryInstructions,
        spaceCounts[MemorySpace.GLOBAL.ordinal()], spaceCounts[MemorySpace.SHARED.ordinal()],
        spaceCounts[MemorySpace.LOCAL.ordinal()], bytes, sectors.size(), lines.size(),
        !sectors.isSaturated());
    return new KernelStatistics(launch.name(), launch.kernelId(), file, launch.grid(),
        launch.block(), launch.binaryVersion(), classes.tableName(), classes.exact(), ctas, warps,
        warpSlots, warpInstructions, threadInstructions, staticInstructions, mixMap(mix), memory,
        hasControlBits);
  }

  static Map<String, Long> mixMap(long[] counts) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int b = 0; b < counts.length; b++) {
      m.put(OpcodeClasses.BUCKETS[b], counts[b]);
    }
    return m;
  }
}
