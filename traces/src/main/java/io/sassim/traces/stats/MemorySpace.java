package io.sassim.traces.stats;

import io.sassim.traces.model.KernelLaunch;

/**
 * The state space a traced memory instruction addresses. The footprint counts global memory only:
 * shared addresses are offsets inside each block's window and local ones are per thread, so
 * distinct values of either say nothing about the memory a kernel touches.
 */
enum MemorySpace {
  GLOBAL,
  SHARED,
  LOCAL,
  /** Generic addressing (LD, ST, ATOM): decided per instruction from its first address. */
  GENERIC;

  /**
   * The size assumed for the shared and local windows of the generic address space when telling
   * generic accesses apart. NVBit traces give only the window bases; 16 MiB is more than either
   * window can hold (228 KiB of shared memory per SM, 512 KiB of local memory per thread).
   */
  static final long WINDOW_BYTES = 16L << 20;

  /** The space of a memory instruction's base mnemonic. */
  static MemorySpace of(String baseOpcode) {
    return switch (baseOpcode) {
      case "LDS", "STS", "ATOMS", "LDSM", "STSM" -> SHARED;
      case "LDL", "STL" -> LOCAL;
      // LDGSTS lines carry the global source addresses (the tracer keeps those).
      case "LDG", "STG", "ATOMG", "RED", "REDG", "LDGSTS" -> GLOBAL;
      default -> GENERIC;
    };
  }

  /** The space of a generic address, from the window bases in the launch header (0 = unknown). */
  static MemorySpace ofGenericAddress(long address, KernelLaunch launch) {
    if (inWindow(address, launch.sharedWindowBase())) {
      return SHARED;
    }
    if (inWindow(address, launch.localWindowBase())) {
      return LOCAL;
    }
    return GLOBAL;
  }

  private static boolean inWindow(long address, long base) {
    return base != 0 && address >= base && address - base < WINDOW_BYTES;
  }
}
