package io.sassim.sim.config;

/**
 * Per-SM residency limits that decide how many thread blocks of a kernel fit at once.
 *
 * @param subcores sub-cores (processing blocks) per SM; warp w runs on sub-core w mod subcores
 * @param maxWarps resident warps per SM
 * @param maxThreads resident threads per SM
 * @param maxBlocks resident thread blocks per SM
 * @param registers 32-bit registers per SM
 * @param registerAllocationUnit registers are allocated per warp in multiples of this many
 *     (per-thread count times 32, rounded up)
 * @param maxRegistersPerThread compile-time cap
 * @param sharedMemoryBytes shared memory per SM available to blocks (largest carveout)
 * @param sharedAllocationUnit shared memory granularity per block
 * @param reservedSharedPerBlock bytes the driver reserves per block (1 KiB from sm_80 on)
 */
public record OccupancyConfig(
    int subcores,
    int maxWarps,
    int maxThreads,
    int maxBlocks,
    int registers,
    int registerAllocationUnit,
    int maxRegistersPerThread,
    int sharedMemoryBytes,
    int sharedAllocationUnit,
    int reservedSharedPerBlock) {}
