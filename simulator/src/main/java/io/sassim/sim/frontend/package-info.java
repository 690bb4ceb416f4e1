/**
 * The front end of paper §5.2: per-sub-core L0 instruction caches with stream-buffer
 * prefetchers, and the L1 instruction cache the sub-cores of an SM share.
 */
package io.sassim.sim.frontend;
