package io.sassim.sim.config;

/**
 * Timing of one execution-unit class, overriding the opcode table's defaults.
 *
 * @param latency cycles from the end of operand read to the result
 * @param initiationInterval cycles the unit's input latch stays busy per warp instruction
 */
public record UnitTiming(int latency, int initiationInterval) {}
