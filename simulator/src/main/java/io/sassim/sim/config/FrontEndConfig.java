package io.sassim.sim.config;

/**
 * Fetch and decode per sub-core (paper §5.2, model-facts §2).
 *
 * @param fetchPerCycle instructions fetched per cycle per sub-core
 * @param instructionBufferEntries instruction-buffer entries per warp (3: two stages from fetch
 *     to issue must not starve the greedy warp)
 * @param l0Instruction private L0 instruction cache of each sub-core
 * @param l1Instruction L1 instruction cache shared by the sub-cores of an SM
 * @param l0ToL1Latency cycles for a request from an L0 to the L1
 * @param l1ToL0Latency cycles for a reply from the L1 to an L0
 * @param l1RequestsPerCycle requests the L1 accepts per cycle from all L0s and prefetchers
 * @param l1MissLatency cycles the L1 waits for a line it misses (fixed here; the memory
 *     hierarchy issue replaces it)
 * @param l0FillInterval cycles the L1-to-L0 return path of a sub-core is busy per line it
 *     delivers, demand or prefetch (0: unlimited, the paper's model)
 * @param perfectInstructionCache every fetch hits the L0 (the paper's "perfect I-cache" study)
 * @param prefetcher the stream-buffer prefetcher beside each L0
 */
public record FrontEndConfig(
    int fetchPerCycle,
    int instructionBufferEntries,
    CacheGeometry l0Instruction,
    CacheGeometry l1Instruction,
    int l0ToL1Latency,
    int l1ToL0Latency,
    int l1RequestsPerCycle,
    int l1MissLatency,
    int l0FillInterval,
    boolean perfectInstructionCache,
    PrefetcherConfig prefetcher) {}
