package io.sassim.sim.gpu;

/**
 * Trips when no warp instruction issued anywhere for a whole window of cycles. Checked by the GPU
 * at the end of every simulation window, from the SMs' last-issue cycles.
 */
final class Watchdog {

  private final long window;
  private long lastProgress;

  Watchdog(long window) {
    this.window = Math.max(1, window);
  }

  void start(long cycle) {
    lastProgress = cycle;
  }

  void progressed(long cycle) {
    if (cycle > lastProgress) {
      lastProgress = cycle;
    }
  }

  /** Whether {@code cycle} is a whole window past the last progress. */
  boolean tripsAt(long cycle) {
    return cycle - lastProgress >= window;
  }

  long lastProgress() {
    return lastProgress;
  }

  long window() {
    return window;
  }
}
