package io.sassim.sim.gpu;

import io.sassim.sim.config.OccupancyConfig;
import io.sassim.traces.model.KernelLaunch;

/**
 * How many blocks of a kernel one SM holds at once: the minimum over the limits on blocks,
 * warps, threads, registers and shared memory (the CUDA occupancy rules).
 *
 * @param blocksPerSm resident blocks per SM
 * @param limitedBy which limit decided it
 * @param registersPerBlock registers one block allocates
 * @param sharedPerBlock shared memory one block allocates
 */
public record Occupancy(int blocksPerSm, String limitedBy, int registersPerBlock, int sharedPerBlock) {

  /** Computes the occupancy; {@code blocksPerSm} is 0 when one block does not fit at all. */
  public static Occupancy of(OccupancyConfig sm, KernelLaunch launch) {
    int warps = launch.warpsPerCta();
    long threads = launch.threadsPerCta();
    int regsPerThread = Math.max(1, launch.registersPerThread());
    int unit = Math.max(1, sm.registerAllocationUnit());
    int regsPerWarp = (regsPerThread * 32 + unit - 1) / unit * unit;
    int registers = regsPerWarp * warps;
    int sharedUnit = Math.max(1, sm.sharedAllocationUnit());
    long sharedRaw = launch.sharedBytes() + sm.reservedSharedPerBlock();
    int shared = (int) ((sharedRaw + sharedUnit - 1) / sharedUnit * sharedUnit);
    int best = sm.maxBlocks();
    String why = "blocks per SM";
    int byWarps = sm.maxWarps() / warps;
    if (byWarps < best) {
      best = byWarps;
      why = "warps per SM";
    }
    int byThreads = (int) (sm.maxThreads() / threads);
    if (byThreads < best) {
      best = byThreads;
      why = "threads per SM";
    }
    int byRegisters = sm.registers() / registers;
    if (byRegisters < best) {
      best = byRegisters;
      why = "registers";
    }
    if (shared > 0) {
      int byShared = sm.sharedMemoryBytes() / shared;
      if (byShared < best) {
        best = byShared;
        why = "shared memory";
      }
    }
    return new Occupancy(Math.max(0, best), why, registers, shared);
  }
}
