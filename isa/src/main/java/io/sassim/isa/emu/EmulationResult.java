package io.sassim.isa.emu;

import java.util.Map;

/**
 * What a launch left behind.
 *
 * @param buffers final contents of every buffer argument, keyed by argument name, in parameter
 *     order
 * @param warpInstructions dynamic warp instructions, including predicated-off ones (as traced)
 * @param threadInstructions instructions summed over the lanes whose guard was true
 */
public record EmulationResult(Map<String, byte[]> buffers, long warpInstructions, long threadInstructions) {}
