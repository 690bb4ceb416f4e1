package io.sassim.sim.config;

/**
 * Regular register file of a sub-core and what sits around it (paper §5.3).
 *
 * @param banks banks per sub-core; register r is in bank r mod banks
 * @param readPortsPerBank warp-wide read ports per bank per cycle
 * @param writePortsPerBank warp-wide write ports per bank per cycle
 * @param readCycles cycles every fixed-latency instruction spends reading operands (3)
 * @param wideReadCycles read window of tensor instructions whose operands span 4 registers
 * @param cacheEnabled the compiler-managed register-file cache steered by reuse bits
 * @param cacheSlots operand slots per bank entry of that cache (3 in the paper)
 * @param cachePerWarp each warp has entries of its own, instead of the sub-core's one set that
 *     the warps' reads displace from each other (the paper's)
 * @param resultQueueEntries fixed-latency results waiting for a write port
 * @param loadReturnBitsPerCycle width of the path that writes load data into the file
 */
public record RegisterFileConfig(
    int banks,
    int readPortsPerBank,
    int writePortsPerBank,
    int readCycles,
    int wideReadCycles,
    boolean cacheEnabled,
    int cacheSlots,
    boolean cachePerWarp,
    int resultQueueEntries,
    int loadReturnBitsPerCycle) {}
