package io.sassim.isa.emu;

import io.sassim.isa.sass.Instruction;

/**
 * One static instruction decoded into executable form, once per launch. Ordinary operations
 * compute results for the lanes whose guard is true and leave the PCs to the warp; control
 * operations ({@link #isControl()}) move the PCs themselves.
 */
abstract class Op {
  final Instruction instruction;
  /** Guard predicate, or null when the instruction is unguarded. */
  final Pred guard;

  Op(Instruction instruction, Pred guard) {
    this.instruction = instruction;
    this.guard = guard;
  }

  boolean isControl() {
    return false;
  }

  /**
   * Executes for the lanes of {@code mask} (guard true, never empty). Control operations get the
   * whole issuing group in {@code group} and must leave the warp's current group and PC set.
   */
  abstract void execute(Warp w, int group, int mask) throws EmulationException;

  /** An error at this instruction, naming kernel, PC and listing line. */
  EmulationException fault(Warp w, String problem) {
    return EmulationException.at(w.grid.kernel, instruction, w, problem);
  }
}
