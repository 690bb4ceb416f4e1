package io.sassim.sim.exec;

import io.sassim.sim.stats.KernelStats;
import java.util.Map;

/**
 * What an execution-driven run gives: the timing model's statistics and the final contents of
 * every buffer argument, by argument name in parameter order, as little-endian bytes.
 */
public record ExecutionResult(KernelStats stats, Map<String, byte[]> buffers) {}
