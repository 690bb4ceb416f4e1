/**
 * Trace statistics for {@code sassim trace stats}: {@link
 * io.sassim.traces.stats.TraceStatistics} streams a trace once and counts work, the instruction
 * mix by unit class and the global memory footprint; {@link io.sassim.traces.stats.StatisticsJson}
 * and {@link io.sassim.traces.stats.StatisticsText} render the result.
 */
package io.sassim.traces.stats;
