package io.sassim.sim.core;

import java.util.Arrays;

/**
 * The compiler-managed register-file cache of a sub-core (paper §4, §5.3.1): one entry per bank,
 * each with one sub-entry per source-operand slot. An operand read with its reuse bit set is
 * kept; a later read of the same warp, register and slot hits. Any read through a (bank, slot)
 * pair drops what it held unless that read sets the reuse bit again.
 */
final class RegisterFileCache {

  private static final int EMPTY = -1;

  private final int banks;
  private final int slots;
  private final int[] held;

  RegisterFileCache(int banks, int slots) {
    this.banks = banks;
    this.slots = slots;
    this.held = new int[banks * slots];
    Arrays.fill(held, EMPTY);
  }

  private static int key(int warp, int register) {
    return warp << 8 | register;
  }

  boolean hits(int warp, int register, int slot) {
    return slot < slots && held[(register % banks) * slots + slot] == key(warp, register);
  }

  /** Records the read of {@code register} through {@code slot}, keeping it when {@code reuse}. */
  void read(int warp, int register, int slot, boolean reuse) {
    if (slot >= slots) {
      return;
    }
    held[(register % banks) * slots + slot] = reuse ? key(warp, register) : EMPTY;
  }
}
