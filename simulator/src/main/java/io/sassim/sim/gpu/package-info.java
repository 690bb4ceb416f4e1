/**
 * The chip around the SMs: kernel launch from a trace, the thread-block scheduler with its
 * occupancy limits, in-order kernels, and the watchdog.
 */
package io.sassim.sim.gpu;
