package io.sassim.sim.config;

/**
 * Which model serves the L1s' misses and write-throughs, and the parameters of the fixed one.
 *
 * @param model {@code hierarchy}: the interconnect, L2 and DRAM model ({@code MemorySystem});
 *     {@code fixed}: every request answered after {@code latency} cycles, the whole chip limited
 *     to {@code bytesPerCycle}
 * @param latency core cycles from a request to its reply (fixed model)
 * @param bytesPerCycle bytes per core cycle the whole lower memory moves (fixed model)
 */
public record LowerMemoryConfig(String model, int latency, int bytesPerCycle) {}
