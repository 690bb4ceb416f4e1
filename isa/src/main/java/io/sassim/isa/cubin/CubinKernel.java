package io.sassim.isa.cubin;

import java.util.List;
import java.util.Map;

/**
 * What a cubin says about one kernel (one {@code .text.<name>} section).
 *
 * @param registerCount registers per thread (EIATTR_REGCOUNT; the text section's sh_info high byte
 *     on sm_8x), as {@code cuobjdump -res-usage} prints it
 * @param staticSharedBytes size of {@code .nv.shared.<name>}; on sm_90 this includes the 1 KiB the
 *     compiler reserves below static shared data, as cuobjdump's SHARED does
 * @param frameBytes per-thread local-memory stack frame (EIATTR_FRAME_SIZE), cuobjdump's STACK
 * @param minStackBytes EIATTR_MIN_STACK_SIZE, the frame plus the deepest callee's, or
 *     {@link #UNBOUNDED_STACK} when recursion or an indirect call leaves it unknown
 * @param paramBank constant bank holding the parameters (EIATTR_PARAM_CBANK), 0 in practice
 * @param paramBase byte offset of the first parameter in that bank: 0x160 on sm_8x, 0x210 on sm_90
 * @param paramBytes total parameter bytes (EIATTR_CBANK_PARAM_SIZE)
 * @param parameters sorted by ordinal
 * @param constantBankBytes bank number → size of {@code .nv.constantN.<name>}
 * @param textBytes size of the code
 * @param instructionCount textBytes / 16 (every sm_70+ instruction is 128 bits)
 * @param exitOffsets byte offsets of EXIT instructions in the text (EIATTR_EXIT_INSTR_OFFSETS)
 * @param maxThreads launch bound x, y, z (EIATTR_MAX_THREADS), empty without __launch_bounds__
 * @param maxRegisterCount EIATTR_MAXREG_COUNT, 0 when absent
 */
public record CubinKernel(
    String name,
    int registerCount,
    int staticSharedBytes,
    int frameBytes,
    int minStackBytes,
    int paramBank,
    int paramBase,
    int paramBytes,
    List<KernelParameter> parameters,
    Map<Integer, Integer> constantBankBytes,
    int textBytes,
    int instructionCount,
    List<Integer> exitOffsets,
    List<Integer> maxThreads,
    int maxRegisterCount) {

  /** {@link #minStackBytes} of a kernel whose call depth ptxas could not bound. */
  public static final int UNBOUNDED_STACK = -1;

  public CubinKernel {
    parameters = List.copyOf(parameters);
    constantBankBytes = Map.copyOf(constantBankBytes);
    exitOffsets = List.copyOf(exitOffsets);
    maxThreads = List.copyOf(maxThreads);
  }
}
