package io.sassim.sim.config;

/**
 * Shared-memory banking.
 *
 * @param banks banks, each serving one word per cycle
 * @param bankBytes word width of a bank
 * @param ldsmExtraCycles extra cycles of an LDSM that loads more than one matrix
 * @param conflictWavefrontCycles cycles each wavefront beyond an access's conflict-free ones adds
 *     to its latency
 */
public record SharedMemoryConfig(int banks, int bankBytes, int ldsmExtraCycles,
    int conflictWavefrontCycles) {}
