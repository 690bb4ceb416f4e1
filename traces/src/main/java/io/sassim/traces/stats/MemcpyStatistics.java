package io.sassim.traces.stats;

/**
 * The host-to-device copies of a trace's command list.
 *
 * @param commands number of {@code MemcpyHtoD} commands
 * @param bytes bytes they copy
 */
public record MemcpyStatistics(long commands, long bytes) {}
