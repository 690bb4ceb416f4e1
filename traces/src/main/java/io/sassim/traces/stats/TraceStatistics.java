package io.sassim.traces.stats;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code sassim trace stats} reports about a traced program: per kernel and in total, the
 * work (CTAs, warps, warp and thread instructions), the instruction mix by unit class, the memory
 * accesses and global footprint, and how compactly the trace stores it. Computed by streaming
 * {@link TraceSource}, one CTA at a time, so a trace of any size fits in memory; only the
 * footprint grows with the data, and it stops at a limit (see {@link MemoryStatistics#exact()}).
 *
 * <p>The component names are the JSON field names ({@link StatisticsJson}); keep them stable.
 *
 * @param origin what the trace was read from
 * @param inputBytes size of the trace files on disk, or null when unknown
 * @param kernels one element per kernel command, in command order
 * @param totalCtas CTAs over all kernels
 * @param totalWarps warps that executed at least one instruction, over all kernels
 * @param totalWarpSlots warps of the traced blocks, idle ones included
 * @param totalWarpInstructions dynamic warp instructions over all kernels
 * @param totalThreadInstructions dynamic thread instructions over all kernels
 * @param instructionMix warp instructions per unit class over all kernels
 * @param memory memory accesses over all kernels; sectors and lines are distinct over the program
 * @param memcpy the host-to-device copies of the command list
 * @param bytesPerInstruction {@code inputBytes / totalWarpInstructions}, or null when either is
 *     unknown or zero
 * @param hasControlBits whether every kernel carries compiler control bits
 */
public record TraceStatistics(
    String origin,
    Long inputBytes,
    List<KernelStatistics> kernels,
    long totalCtas,
    long totalWarps,
    long totalWarpSlots,
    long totalWarpInstructions,
    long totalThreadInstructions,
    Map<String, Long> instructionMix,
    MemoryStatistics memory,
    MemcpyStatistics memcpy,
    Double bytesPerInstruction,
    boolean hasControlBits) {

  /**
   * The default number of distinct sectors tracked per set: 4 Mi sectors are 128 MiB of touched
   * global memory, and a full set takes 64 MiB of heap.
   */
  public static final int DEFAULT_SECTOR_LIMIT = 1 << 22;

  public TraceStatistics {
    kernels = List.copyOf(kernels);
    instructionMix = KernelStatistics.ordered(instructionMix);
  }

  /** Streams {@code source}, taking the input size from its files ({@link InputSize#of}). */
  public static TraceStatistics compute(TraceSource source) throws InputException {
    return compute(source, InputSize.of(source), DEFAULT_SECTOR_LIMIT);
  }

  /**
   * Streams every kernel of {@code source} once.
   *
   * @param inputBytes the size of the trace on disk (all its files), or a negative number when
   *     unknown
   * @param sectorLimit the most distinct sectors tracked per kernel and per program
   */
  public static TraceStatistics compute(TraceSource source, long inputBytes, int sectorLimit)
      throws InputException {
    LongHashSet kernelSectors = new LongHashSet(sectorLimit);
    LongHashSet programSectors = new LongHashSet(sectorLimit);
    List<KernelStatistics> kernels = new ArrayList<>();
    long copies = 0;
    long copiedBytes = 0;
    for (TraceCommand command : source.commands()) {
      if (command instanceof TraceCommand.Memcpy m) {
        copies++;
        copiedBytes += m.bytes();
      } else if (command instanceof TraceCommand.Kernel k) {
        kernelSectors.clear();
        kernels.add(kernel(source, k, kernelSectors, sectorLimit));
        programSectors.addAll(kernelSectors, 0);
      }
    }
    return total(source.origin(), inputBytes, kernels, programSectors, sectorLimit,
        new MemcpyStatistics(copies, copiedBytes));
  }

  private static KernelStatistics kernel(
      TraceSource source, TraceCommand.Kernel command, LongHashSet sectors, int limit)
      throws InputException {
    try (KernelTrace trace = source.openKernel(command)) {
      KernelTally tally = new KernelTally(trace.launch(), sectors);
      for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
        tally.add(cta, trace.instructions());
      }
      // Asked after the last block: a decorator that attaches control bits knows only then.
      return tally.result(command.file().toString(), trace.instructions().size(),
          trace.hasControlBits(), limit);
    }
  }

  private static TraceStatistics total(String origin, long inputBytes,
      List<KernelStatistics> kernels, LongHashSet programSectors, int limit, MemcpyStatistics memcpy) {
    long ctas = 0;
    long warps = 0;
    long slots = 0;
    long warpInstructions = 0;
    long threadInstructions = 0;
    long[] mix = new long[OpcodeClasses.BUCKETS.length];
    long accesses = 0;
    long global = 0;
    long shared = 0;
    long local = 0;
    long bytes = 0;
    boolean control = !kernels.isEmpty();
    for (KernelStatistics k : kernels) {
      ctas += k.ctas();
      warps += k.warps();
      slots += k.warpSlots();
      warpInstructions += k.warpInstructions();
      threadInstructions += k.threadInstructions();
      for (int b = 0; b < mix.length; b++) {
        mix[b] += k.instructionMix().get(OpcodeClasses.BUCKETS[b]);
      }
      MemoryStatistics m = k.memory();
      accesses += m.instructions();
      global += m.globalInstructions();
      shared += m.sharedInstructions();
      local += m.localInstructions();
      bytes += m.bytes();
      control &= k.hasControlBits();
    }
    LongHashSet lines = new LongHashSet(limit);
    lines.addAll(programSectors, KernelTally.SECTORS_PER_LINE_SHIFT);
    MemoryStatistics footprint = new MemoryStatistics(accesses, global, shared, local, bytes,
        programSectors.size(), lines.size(), !programSectors.isSaturated());
    Long size = inputBytes < 0 ? null : inputBytes;
    Double perInstruction =
        size == null || warpInstructions == 0 ? null : (double) inputBytes / warpInstructions;
    return new TraceStatistics(origin, size, kernels, ctas, warps, slots, warpInstructions,
        threadInstructions, KernelTally.mixMap(mix), footprint, memcpy, perInstruction, control);
  }
}
