package io.sassim.sim.core;

/**
 * The dynamic instruction stream of one warp as the timing model reads it: entry {@code i} is the
 * warp's i-th issued instruction, with the lanes that executed it and, for memory instructions,
 * their addresses. A trace knows every entry in advance ({@link TraceWarpStream}); an
 * execution-driven stream produces entries as fetch asks for them, so an entry may not exist
 * yet ({@link #available} false) while the warp has not ended ({@link #ended} false).
 *
 * <p>The accessors keep the meanings of {@code io.sassim.traces.model.WarpTrace}'s methods of the
 * same names and may be called only for available entries. They are called in the per-cycle
 * loops: implementations must not allocate.
 */
public interface WarpStream {

  /** Warp index inside its block: linear thread id / 32. */
  int warpInCta();

  /** Whether entry {@code i} can be read now; producing it may take work, but never blocks. */
  boolean available(int i);

  /** Whether entry {@code i} will never exist: the warp has no more instructions. */
  boolean ended(int i);

  /** Instruction-table id of entry {@code i}. */
  int instructionId(int i);

  /** Bit {@code l} set: lane {@code l} executed entry {@code i} (active and guard true). */
  int activeMask(int i);

  /** Number of addresses of entry {@code i}: its active lanes if it accesses memory. */
  int addressCount(int i);

  /** Address {@code k} of entry {@code i}, for the k-th active lane in lane order. */
  long address(int i, int k);

  /**
   * Copies the {@link #addressCount} addresses of entry {@code i}, in the order {@link #address}
   * gives them, into {@code into}.
   */
  void copyAddresses(int i, long[] into);

  /** True when entry {@code i}'s addresses are {@code address(i, 0) + k * stride(i)}. */
  boolean isStrided(int i);

  /** The distance between consecutive addresses of a strided entry. */
  long stride(int i);

  /**
   * Entry {@code i} issues at core cycle {@code cycle}; called before anything else reads the
   * entry's mask. An execution-driven stream performs a clock read here, so that it returns the
   * cycle of its issue.
   */
  void issued(int i, long cycle);

  /**
   * Called once when the warp starts on an SM. A stream whose entries can become available
   * through other warps' progress (a block barrier completing) runs {@code wake} then, so that
   * a sleeping sub-core looks at this warp again.
   */
  default void attach(Runnable wake) {}
}
