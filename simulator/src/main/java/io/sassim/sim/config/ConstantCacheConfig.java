package io.sassim.sim.config;

/**
 * The SM-level constant cache that LDC reads (the paper's L0 VL constant cache).
 *
 * @param ldc its geometry
 * @param missLatency cycles a miss adds: the round trip to the L1.5 (the L1 instruction cache)
 */
public record ConstantCacheConfig(CacheGeometry ldc, int missLatency) {}
