package io.sassim.sim.config;

/**
 * The memory pipeline of the paper (§5.4, §6): per sub-core a latch and a queue, address
 * calculation, and an intake into the SM-shared part. Latencies are fixed (Table 2, a
 * perfect-memory model) until the memory hierarchy replaces them.
 *
 * @param subcoreQueueEntries queue entries behind the latch (4 on Ampere)
 * @param addressCycles cycles per instruction of address calculation with regular-register
 *     addresses (32 lanes over 8 units)
 * @param uniformAddressCycles the same for uniform-register, immediate and shared addresses
 * @param smIntakeInterval the SM-shared structures accept one instruction from any sub-core every
 *     this many cycles
 * @param globalLoadRegular global (and generic, local) loads, regular-register address
 * @param globalLoadUniform global loads, uniform-register address
 * @param globalStoreRegular global stores and atomics without return, regular address
 * @param globalStoreUniform global stores, uniform address
 * @param sharedLoadRegular shared loads, regular address
 * @param sharedLoadUniform shared loads, uniform address
 * @param sharedStoreRegular shared stores, regular address
 * @param sharedStoreUniform shared stores, uniform address
 * @param constantLoadImmediate LDC with an immediate offset
 * @param constantLoadRegular LDC with a register offset
 * @param asyncCopy LDGSTS: WAR at address calculation, RAW at the end of the copy
 * @param other S2R, SHFL and the rest of the memory-unit class
 */
public record MemoryPipelineConfig(
    int subcoreQueueEntries,
    int addressCycles,
    int uniformAddressCycles,
    int smIntakeInterval,
    MemoryLatency globalLoadRegular,
    MemoryLatency globalLoadUniform,
    MemoryLatency globalStoreRegular,
    MemoryLatency globalStoreUniform,
    MemoryLatency sharedLoadRegular,
    MemoryLatency sharedLoadUniform,
    MemoryLatency sharedStoreRegular,
    MemoryLatency sharedStoreUniform,
    MemoryLatency constantLoadImmediate,
    MemoryLatency constantLoadRegular,
    MemoryLatency asyncCopy,
    MemoryLatency other) {}
