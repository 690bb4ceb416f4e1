package io.sassim.sim.config;

/**
 * Launch overheads.
 *
 * @param kernelLaunchCycles cycles from a kernel's launch to its first block starting (the
 *     authors' configs use 1500 on Ampere)
 * @param blockLaunchCycles cycles to start one thread block on an SM
 */
public record LaunchConfig(int kernelLaunchCycles, int blockLaunchCycles) {}
