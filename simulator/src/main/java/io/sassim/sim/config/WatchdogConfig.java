package io.sassim.sim.config;

/**
 * Forward-progress check: if no warp instruction issues anywhere for {@code stallCycles} cycles
 * while warps are resident, the run stops and reports every stuck warp.
 *
 * @param stallCycles cycles without progress before the watchdog fires
 */
public record WatchdogConfig(long stallCycles) {}
