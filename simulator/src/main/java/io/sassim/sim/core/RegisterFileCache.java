package io.sassim.sim.core;

import java.util.Arrays;

/**
 * The compiler-managed register-file cache of a sub-core (paper §4, §5.3.1): one entry per bank,
 * each with one sub-entry per source-operand slot. An operand read with its reuse bit set is
 * kept; a later read of the same warp, register and slot hits. Any read through a (bank, slot)
 * pair drops what it held unless that read sets the reuse bit again. With a set of entries per
 * warp ({@code registerFile.cachePerWarp}) warps no longer displace each other's operands.
 */
final class RegisterFileCache {

  private static final int EMPTY = -1;

  private final int banks;
  private final int slots;
  private final boolean perWarp;
  private final int[] held;

  /** @param sets 1 for the sub-core's one set, or the SM's warp slots for a set per warp */
  RegisterFileCache(int banks, int slots, int sets) {
    this.banks = banks;
    this.slots = slots;
    this.perWarp = sets > 1;
    this.held = new int[sets * banks * slots];
    Arrays.fill(held, EMPTY);
  }

  private int entry(int warp, int register, int slot) {
    int e = (register % banks) * slots + slot;
    return perWarp ? warp * banks * slots + e : e;
  }

  private static int key(int warp, int register) {
    return warp << 8 | register;
  }

  boolean hits(int warp, int register, int slot) {
    return slot < slots && held[entry(warp, register, slot)] == key(warp, register);
  }

  /** Records the read of {@code register} through {@code slot}, keeping it when {@code reuse}. */
  void read(int warp, int register, int slot, boolean reuse) {
    if (slot >= slots) {
      return;
    }
    held[entry(warp, register, slot)] = reuse ? key(warp, register) : EMPTY;
  }
}
