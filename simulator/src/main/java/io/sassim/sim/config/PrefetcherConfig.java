package io.sassim.sim.config;

/**
 * Instruction prefetcher next to each L0 instruction cache (paper §5.2, Table 5).
 *
 * @param policy {@code stream-buffer} or {@code none}
 * @param streamBuffers stream buffers per L0
 * @param entries lines per stream buffer (8 in the paper's baseline; 0 disables prefetching)
 * @param prefetchesPerCycle prefetch requests per cycle per L0
 */
public record PrefetcherConfig(String policy, int streamBuffers, int entries, int prefetchesPerCycle) {}
