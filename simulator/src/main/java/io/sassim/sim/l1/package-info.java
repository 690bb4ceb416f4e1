/**
 * The SM's level-one memory below the memory pipeline's intake (paper §5.4, §6): the coalescer,
 * the shared-memory banks, the sectored L1 data cache with its MSHRs, and the constant cache
 * that LDC reads. Plain objects owned by one SM and driven by {@code core.MemoryPipeline}; what
 * misses goes to the lower memory through the SM's {@code memory.MemoryRequestQueue}.
 */
package io.sassim.sim.l1;
