/**
 * The SM core of Huerta et al. (MICRO 2025): sub-cores with compiler-guided issue, control-bit
 * dependences, the two-bank register file with its reuse cache, execution units and the
 * per-sub-core memory pipeline. {@link io.sassim.sim.core.SubCore#cycle} is where one cycle of
 * one sub-core happens, stage by stage.
 */
package io.sassim.sim.core;
