package io.sassim.sim.core;

/** The access classes of the paper's Table 2, which decide a memory instruction's latencies. */
public enum MemoryKind {
  /** Not a memory-unit instruction. */
  NONE,
  GLOBAL_LOAD,
  GLOBAL_STORE,
  SHARED_LOAD,
  SHARED_STORE,
  CONSTANT_LOAD,
  /** LDGSTS: global to shared without the register file. */
  ASYNC_COPY,
  /** S2R, SHFL, MATCH, MEMBAR and the rest of the memory-unit class. */
  OTHER
}
