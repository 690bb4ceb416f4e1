package io.sassim.traces.stats;

/**
 * What the memory instructions of a kernel, or of the whole trace, touched.
 *
 * @param instructions warp instructions that access memory through addresses (a trace line with a
 *     memory width), predicated-off ones included
 * @param globalInstructions those addressing global memory
 * @param sharedInstructions those addressing shared memory
 * @param localInstructions those addressing local memory
 * @param bytes bytes accessed: the access width summed over every recorded lane address, all
 *     spaces
 * @param sectors distinct 32-byte sectors of global memory touched
 * @param lines distinct 128-byte lines of global memory touched
 * @param exact false when the footprint outgrew the tracking limit: sectors and lines are then
 *     lower bounds
 */
public record MemoryStatistics(
    long instructions,
    long globalInstructions,
    long sharedInstructions,
    long localInstructions,
    long bytes,
    long sectors,
    long lines,
    boolean exact) {}
