package io.sassim.isa.emu.reference;

import java.util.Map;

/**
 * A reference whose algorithm fixes some output only up to an order: bfs_step appends claimed
 * vertices through an atomic counter, so which slot a vertex lands in depends on the order the
 * atomics are served, which neither the GPU nor CUDA defines. A comparison passes both the
 * expected and the actual bytes through {@link #canonical} before comparing them exactly.
 */
public interface OrderFreeOutputs {

  /**
   * {@code bytes} of output {@code argName} in a canonical order (unchanged for outputs whose
   * order is defined).
   *
   * @param outputs every output of the same run (the actual run's for actual bytes), from which
   *     the order-free extent is read
   * @param initial the initial buffers of the launch
   */
  byte[] canonical(String argName, byte[] bytes, Map<String, byte[]> outputs,
      Map<String, byte[]> initial);
}
