package io.sassim.sim.exec;

import io.sassim.isa.emu.EmulationException;

/**
 * Carries an emulator error out of the timing model's cycle loop, whose stream accessors cannot
 * throw checked exceptions; {@link ExecutionDrivenRun} unwraps it.
 */
final class EmulationFailure extends RuntimeException {

  final EmulationException cause;

  EmulationFailure(EmulationException cause) {
    super(cause.getMessage(), cause, false, false);
    this.cause = cause;
  }
}
