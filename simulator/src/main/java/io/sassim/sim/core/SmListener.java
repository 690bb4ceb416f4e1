package io.sassim.sim.core;

/** What an SM tells the GPU around it: progress (for the watchdog) and finished blocks. */
public interface SmListener {

  /** A warp instruction issued at {@code cycle}. */
  void progressed(long cycle);

  /** A thread block finished on {@code sm} at {@code cycle}, freeing its resources. */
  void blockFinished(StreamingMultiprocessor sm, long cycle);
}
