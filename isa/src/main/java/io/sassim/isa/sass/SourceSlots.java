package io.sassim.isa.sass;

import java.util.Arrays;
import java.util.List;

/**
 * Which encoded source slot (A = 0, B = 1, C = 2, fourth = 3) each operand of an instruction
 * occupies: the slots that the reuse bits of {@link ControlBits#reuse()} and the register-file
 * cache refer to (model-facts.md §1; paper §5.3). Slot i is the i-th operand that is not a
 * predicate, after the destination; compares that write only predicates have no register
 * destination. Three encodings break the plain order, all read from corpus encodings: HADD2 is a
 * fused multiply-add with an implicit 1.0, so its second source is slot C, DADD and DSETP do the
 * same, and MOV's one source is slot B.
 */
public final class SourceSlots {

  /** {@link #of} entry for an operand that is no source slot (destination, predicate). */
  public static final int NONE = -1;

  private SourceSlots() {}

  /** Per operand of {@code in}, its source slot or {@link #NONE}. */
  public static int[] of(Instruction in) {
    List<Operand> ops = in.operands();
    String op = in.opcode();
    boolean predicateResultOnly =
        op.endsWith("SETP") || op.equals("HSETP2") || op.endsWith("PLOP3");
    boolean secondInC = op.equals("HADD2") || op.equals("DADD") || op.equals("DSETP");
    boolean onlySourceInB = op.equals("MOV");
    int[] slots = new int[ops.size()];
    Arrays.fill(slots, NONE);
    boolean destinationSeen = predicateResultOnly;
    int slot = 0;
    for (int i = 0; i < ops.size(); i++) {
      Operand o = ops.get(i);
      if (o instanceof RegisterOperand r && r.file().isPredicate()) {
        continue;
      }
      if (!destinationSeen) {
        destinationSeen = true;
        if (o instanceof RegisterOperand) {
          continue;
        }
      }
      slots[i] = secondInC && slot == 1 ? 2 : onlySourceInB ? 1 : slot;
      slot++;
    }
    return slots;
  }

  /** The reuse mask that the {@code .reuse} flags printed on {@code in}'s operands spell. */
  public static int printedReuseMask(Instruction in) {
    int[] slots = of(in);
    int mask = 0;
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != NONE && in.operands().get(i) instanceof RegisterOperand r && r.reuse()) {
        mask |= 1 << slots[i];
      }
    }
    return mask;
  }
}
