package io.sassim.isa.emu;

/**
 * What {@code SR_CLOCKLO/HI} and {@code SR_GLOBALTIMERLO/HI} read. On its own the emulator has no
 * time, so by default a clock reads the grid's running warp-instruction count (monotonic and
 * deterministic); a timing model installs a source that answers with its simulated cycle.
 */
@FunctionalInterface
public interface ClockSource {

  /** The clock's value now, for a read by a warp of {@code block}. */
  long read(ThreadBlock block);
}
