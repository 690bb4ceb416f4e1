package io.sassim.traces.record;

import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.MemoryOperand;
import io.sassim.isa.sass.Operand;
import io.sassim.isa.sass.RegisterFile;
import io.sassim.isa.sass.RegisterOperand;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trace says about a listed instruction: the static part an Accel-Sim trace line would
 * carry (full mnemonic, register ranges in operand order, access width), optionally with the
 * compiler's control bits from the listing.
 */
public final class ListingInstructions {

  private ListingInstructions() {}

  /**
   * The static instruction of {@code in}. Operand 0 is the destination when it is a register and
   * the instruction is not a store or reduction; every other register, and the base register of
   * each address, is a source. The access width is that of the last address operand.
   *
   * @param withControl attach the control field of the listing's encoding
   */
  public static StaticInstruction of(Instruction in, boolean withControl) {
    List<Integer> dst = new ArrayList<>();
    List<Integer> src = new ArrayList<>();
    int width = 0;
    for (int i = 0; i < in.operands().size(); i++) {
      Operand op = in.operand(i);
      if (op instanceof RegisterOperand r) {
        (i == 0 && !isStore(in) ? dst : src).add(range(r));
      } else if (op instanceof MemoryOperand m) {
        width = m.widthBits() / 8;
        if (m.base() != null) {
          src.add(range(m.base()));
        }
      }
    }
    return new StaticInstruction(in.pc(), StaticInstruction.NO_LINE, mnemonic(in), toArray(dst),
        toArray(src), width, false, 0, withControl ? in.control().encode() : StaticInstruction.NO_CONTROL);
  }

  /** The printed mnemonic; an encoding-only line gets the name newer disassemblers print. */
  private static String mnemonic(Instruction in) {
    if (!in.isUnprinted()) {
      return in.mnemonic();
    }
    int opcode = (int) (in.encodingLow() & 0xFFF);
    return opcode == 0x248 || opcode == 0x848 ? "VIMNMX" : "UNPRINTED";
  }

  private static boolean isStore(Instruction in) {
    return in.opcode().startsWith("ST") || in.opcode().startsWith("RED");
  }

  private static int range(RegisterOperand r) {
    int file = switch (r.file()) {
      case R -> RegisterRange.GENERAL;
      case UR -> RegisterRange.UNIFORM;
      case P -> RegisterRange.PREDICATE;
      case UP -> RegisterRange.UNIFORM_PREDICATE;
    };
    int count = Math.min(r.count(), r.file().zeroIndex() + 1 - r.index());
    return RegisterRange.of(file, r.index(), r.file() == RegisterFile.R && r.isZero() ? 1 : count);
  }

  private static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
