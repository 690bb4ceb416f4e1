package io.sassim.sim.config;

/**
 * Clock domains.
 *
 * @param coreMhz SM clock; the unit of every cycle count in the model and its stats
 * @param memoryMhz DRAM command clock (used by the memory hierarchy)
 */
public record ClockConfig(double coreMhz, double memoryMhz) {}
