package io.sassim.sim.gpu;

import io.sassim.sim.engine.ClockDomain;
import io.sassim.sim.engine.TickingComponent;

/**
 * Wakes every quarter of its window while a kernel runs and trips when no warp instruction
 * issued anywhere for the whole window.
 */
final class Watchdog extends TickingComponent {

  private final long window;
  private long lastProgress;
  private boolean armed;
  private boolean tripped;
  private long trippedAt;

  Watchdog(ClockDomain clock, long window) {
    super("watchdog", clock, Integer.MAX_VALUE);
    this.window = Math.max(1, window);
  }

  void arm(long cycle) {
    armed = true;
    tripped = false;
    lastProgress = cycle;
  }

  void disarm() {
    armed = false;
  }

  void progressed(long cycle) {
    if (cycle > lastProgress) {
      lastProgress = cycle;
    }
  }

  boolean tripped() {
    return tripped;
  }

  long trippedAt() {
    return trippedAt;
  }

  long lastProgress() {
    return lastProgress;
  }

  long window() {
    return window;
  }

  @Override
  protected boolean tick(long cycle) {
    if (!armed) {
      return false;
    }
    if (cycle - lastProgress >= window) {
      tripped = true;
      trippedAt = cycle;
      armed = false;
      return false;
    }
    sleepUntil(Math.max(cycle + 1, Math.min(lastProgress + window, cycle + Math.max(1, window / 4))));
    return false;
  }
}
