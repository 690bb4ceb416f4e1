package io.sassim.traces.stats;

import io.sassim.isa.launch.Dim3;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kernel of a trace, counted over every CTA.
 *
 * @param name mangled kernel name
 * @param kernelId 1-based launch number
 * @param file the kernel's trace file as the command list names it
 * @param grid grid in blocks
 * @param block block in threads
 * @param binaryVersion SM version × 10 + minor from the header
 * @param opcodeTable the opcode table that classified the instructions, e.g. {@code sm_86}
 * @param exactOpcodeTable false when that table was borrowed from another binary version
 * @param ctas thread blocks in the trace
 * @param warps warps that executed at least one instruction
 * @param warpSlots warps of the traced blocks, idle ones included
 * @param warpInstructions dynamic warp instructions
 * @param threadInstructions dynamic thread instructions: active lanes summed over warp instructions
 * @param staticInstructions distinct static instructions of the kernel's table
 * @param instructionMix warp instructions per unit class, plus {@code UNCLASSIFIED}
 * @param memory memory accesses and global footprint
 * @param hasControlBits whether every instruction carries compiler control bits
 */
public record KernelStatistics(
    String name,
    int kernelId,
    String file,
    Dim3 grid,
    Dim3 block,
    int binaryVersion,
    String opcodeTable,
    boolean exactOpcodeTable,
    long ctas,
    long warps,
    long warpSlots,
    long warpInstructions,
    long threadInstructions,
    int staticInstructions,
    Map<String, Long> instructionMix,
    MemoryStatistics memory,
    boolean hasControlBits) {

  public KernelStatistics {
    instructionMix = ordered(instructionMix);
  }

  /** An unmodifiable copy that keeps the caller's order (unit classes, then UNCLASSIFIED). */
  static Map<String, Long> ordered(Map<String, Long> mix) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(mix));
  }
}
