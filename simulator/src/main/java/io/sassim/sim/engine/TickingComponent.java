package io.sassim.sim.engine;

/**
 * A hardware block that the engine ticks once per cycle of its clock while it has work. When a
 * tick makes no progress the component either asks to be woken at a known future cycle ({@link
 * #sleepUntil}) or sleeps until another component wakes it ({@link Engine#wake}), so idle
 * hardware costs nothing.
 */
public abstract class TickingComponent {

  /** No wake-up pending. */
  static final long NOT_SCHEDULED = Long.MIN_VALUE;

  private final String name;
  private final ClockDomain clock;
  final int order;
  long scheduledTime = NOT_SCHEDULED;
  int heapIndex = -1;
  private long requestedWake = NOT_SCHEDULED;
  /** Where a window left the component: its next wake-up time, or NOT_SCHEDULED. */
  long windowWake = NOT_SCHEDULED;

  /**
   * @param order tie-break between components due at the same time: lower ticks first. Fixed at
   *     construction, so runs are deterministic.
   */
  protected TickingComponent(String name, ClockDomain clock, int order) {
    this.name = name;
    this.clock = clock;
    this.order = order;
  }

  public String name() {
    return name;
  }

  public ClockDomain clock() {
    return clock;
  }

  /**
   * Does this cycle's work.
   *
   * @return true when something changed, so the component runs again next cycle; false to
   *     sleep until the cycle passed to {@link #sleepUntil}, or until woken
   */
  protected abstract boolean tick(long cycle);

  /** Called from {@link #tick} before returning false: wake at {@code cycle} at the latest. */
  protected final void sleepUntil(long cycle) {
    if (requestedWake == NOT_SCHEDULED || cycle < requestedWake) {
      requestedWake = cycle;
    }
  }

  long takeRequestedWake() {
    long w = requestedWake;
    requestedWake = NOT_SCHEDULED;
    return w;
  }

  @Override
  public String toString() {
    return name;
  }
}
