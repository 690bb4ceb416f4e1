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
 * @param smShared true when the unit is one pipeline per SM shared by the four sub-cores rather
 *     than one per sub-core (FP64 on GA10x and AD10x, model-facts 5.1); the timing model must then
 *     arbitrate between sub-cores
 */
public record OpcodeInfo(
    String opcode,
    UnitClass unit,
    boolean variableLatency,
    int defaultLatency,
    int initiationInterval,
    boolean smShared) {

  /** The same opcode with other timing, as the modifier-aware resolution produces it. */
  public OpcodeInfo withTiming(int latency, int ii) {
    return new OpcodeInfo(opcode, unit, variableLatency, latency, ii, smShared);
  }
}
