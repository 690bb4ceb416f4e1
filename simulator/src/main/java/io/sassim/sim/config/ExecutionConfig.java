package io.sassim.sim.config;

import java.util.Map;

/**
 * Functional units of a sub-core (paper §5.3, model-facts §5).
 *
 * @param units per unit class name ({@code FP32}, {@code INT}, {@code SFU}... as in {@code
 *     io.sassim.isa.arch.UnitClass}), timing that replaces the opcode table's default; classes
 *     not listed keep the table's values
 * @param fp32InIntPipe FP32 instructions may use the INT pipe when its latch is free (Ampere and
 *     later issue FP32 in consecutive cycles; Turing cannot)
 * @param fp64SharedPerSm one FP64 pipeline per SM shared by the sub-cores (GA10x, AD10x)
 * @param predicateWriteLatency cycles an instruction that writes a predicate keeps its unit
 */
public record ExecutionConfig(
    Map<String, UnitTiming> units,
    boolean fp32InIntPipe,
    boolean fp64SharedPerSm,
    int predicateWriteLatency) {}
