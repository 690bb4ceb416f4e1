package io.sassim.isa.emu;

import java.io.IOException;

/**
 * Receives the execution of a launch as it happens: each CTA's start and end, and in between
 * every warp instruction the CTA's warps execute. CTAs run one at a time, in linear order.
 */
public interface EmulatorListener {

  /** CTA {@code block} is about to run. */
  default void ctaStarted(ThreadBlock block) throws IOException {}

  /** One warp instruction ran; {@code e} is only valid during the call. */
  void executed(ExecutedInstruction e);

  /** CTA {@code block} has finished; its warps' state is still readable. */
  default void ctaFinished(ThreadBlock block) throws IOException {}
}
