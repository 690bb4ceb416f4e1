package io.sassim.traces.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a traced opcode and a listed mnemonic name the same instruction. NVBit prints opcodes
 * with the disassembler built into the driver, listings come from cuobjdump, and the two mostly
 * agree modifier for modifier ({@code IMAD.MOV.U32}, {@code LDG.E.64}, {@code HFMA2.MMA}), so the
 * full spelling is compared. The known exceptions are modifiers one side prints and the other
 * leaves out; each is listed here with where it was seen.
 */
final class OpcodeSpelling {

  /**
   * Modifiers that do not change the instruction and that only one side prints:
   *
   * <ul>
   *   <li>{@code DEFER_BLOCKING}: cuobjdump 12.4 prints {@code __syncthreads()} as {@code
   *       BAR.SYNC.DEFER_BLOCKING}; the NVBit 1.7 traces of {@code ../shared/traces/flashinfer-gemm}
   *       (sm_80) print plain {@code BAR.SYNC} for it.
   * </ul>
   */
  private static final Set<String> UNPRINTED_BY_SOME = Set.of("DEFER_BLOCKING");

  private OpcodeSpelling() {}

  /**
   * True when {@code traced} (as the trace prints it) and {@code listed} (cuobjdump's mnemonic)
   * are the same instruction; a null {@code listed} (no disassembly) matches anything.
   */
  static boolean same(String traced, String listed) {
    if (listed == null || traced.equals(listed)) {
      return true;
    }
    return canonical(traced).equals(canonical(listed));
  }

  /** The mnemonic without the modifiers of {@link #UNPRINTED_BY_SOME}. */
  static List<String> canonical(String mnemonic) {
    List<String> parts = new ArrayList<>(List.of(mnemonic.split("\\.")));
    parts.removeIf(UNPRINTED_BY_SOME::contains);
    return parts;
  }
}
