package io.sassim.isa.arch;

/**
 * What the timing model needs to know about one opcode on one architecture.
 *
 * @param opcode base mnemonic without modifiers, e.g. {@code IMAD}
 * @param unit execution-unit class
 * @param variableLatency true when completion is signalled through a dependence counter (SB0-SB5)
 *     rather than covered by the stall count
 * @param defaultLatency cycles from issue to result, used when control bits are missing
 * @param initiationInterval cycles the unit stays busy per warp instruction
 */
public record OpcodeInfo(
    String opcode, UnitClass unit, boolean variableLatency, int defaultLatency, int initiationInterval) {}
