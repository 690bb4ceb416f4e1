package io.sassim.sim.config;

/**
 * The crossbar between the SMs and the L2 slices (docs/model.md, "Memory below the L1").
 *
 * @param latency core cycles a packet takes each way, SM to slice and slice to SM, without
 *     queueing
 * @param smPortBytesPerCycle bytes per core cycle each SM's port carries in each direction
 * @param slicePortBytesPerCycle bytes per core cycle each L2 slice's port carries in each
 *     direction
 */
public record InterconnectConfig(
    int latency, double smPortBytesPerCycle, double slicePortBytesPerCycle) {}
