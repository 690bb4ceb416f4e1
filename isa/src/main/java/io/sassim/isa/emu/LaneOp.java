package io.sassim.isa.emu;

import io.sassim.isa.sass.Instruction;

/**
 * An operation computed lane by lane with no lane reading another's values. A uniform operation
 * (U-prefixed opcodes) runs once per warp, as lane 0 of its uniform registers.
 */
abstract class LaneOp extends Op {
  private final boolean uniform;

  LaneOp(Instruction instruction, Pred guard, boolean uniform) {
    super(instruction, guard);
    this.uniform = uniform;
  }

  @Override
  final void execute(Warp w, int group, int mask) throws EmulationException {
    if (uniform) {
      lane(w, 0);
      return;
    }
    for (int m = mask; m != 0; m &= m - 1) {
      lane(w, Integer.numberOfTrailingZeros(m));
    }
  }

  abstract void lane(Warp w, int lane) throws EmulationException;
}
