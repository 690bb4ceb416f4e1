package io.sassim.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window runs, sleeping and waking, on components that log the cycles they tick in. */
class EngineTest {

  private static final ClockDomain CLOCK = new ClockDomain("core", 1000);

  /** Ticks busily until {@code busyUntil}, then sleeps until {@code wakeAt} (or for ever, -1). */
  private static final class Logger extends TickingComponent {
    final List<String> log;
    final long busyUntil;
    final long wakeAt;

    Logger(String name, int order, List<String> log, long busyUntil, long wakeAt) {
      super(name, CLOCK, order);
      this.log = log;
      this.busyUntil = busyUntil;
      this.wakeAt = wakeAt;
    }

    @Override
    protected boolean tick(long cycle) {
      log.add(name() + "@" + cycle);
      if (cycle < busyUntil) {
        return true;
      }
      if (wakeAt > cycle) {
        sleepUntil(wakeAt);
      }
      return false;
    }
  }

  @Test
  void eachComponentRunsThroughTheWindowInComponentOrder() {
    List<String> log = new ArrayList<>();
    Engine e = new Engine();
    Logger b = new Logger("b", 2, log, 2, -1);
    Logger a = new Logger("a", 1, log, 1, 6);
    e.wake(b, 0);
    e.wake(a, 0);
    e.runWindow(CLOCK.timeOf(4), null);
    // a ticks 0 and 1, then sleeps until 6; b ticks 0..2 and sleeps for ever.
    assertEquals(List.of("a@0", "a@1", "b@0", "b@1", "b@2"), log);
    assertEquals(CLOCK.timeOf(6), e.nextTime());
    log.clear();
    e.runWindow(CLOCK.timeOf(8), null);
    assertEquals(List.of("a@6"), log);
    assertEquals(Long.MAX_VALUE, e.nextTime());
  }

  @Test
  void componentsInAnyOrderAlternateDirectionAndTickTheSameCycles() {
    List<String> log = new ArrayList<>();
    Engine e = new Engine();
    Logger a = new Logger("a", 1, log, 100, -1);
    Logger b = new Logger("b", 2, log, 100, -1);
    Logger c = new Logger("c", 3, log, 100, -1);
    e.wake(c, 0);
    e.wake(a, 0);
    e.wake(b, 0);
    e.runWindow(CLOCK.timeOf(2), null, true);
    assertEquals(List.of("a@0", "a@1", "b@0", "b@1", "c@0", "c@1"), log);
    log.clear();
    // The last to run goes first: its state is still in the processor caches.
    e.runWindow(CLOCK.timeOf(4), null, true);
    assertEquals(List.of("c@2", "c@3", "b@2", "b@3", "a@2", "a@3"), log);
    log.clear();
    e.runWindow(CLOCK.timeOf(5), null, true);
    assertEquals(List.of("a@4", "b@4", "c@4"), log);
    log.clear();
    // Order that matters (the default) is always ascending.
    e.runWindow(CLOCK.timeOf(6), null);
    e.runWindow(CLOCK.timeOf(7), null);
    assertEquals(List.of("a@5", "b@5", "c@5", "a@6", "b@6", "c@6"), log);
  }

  @Test
  void wakingEarlierMovesTheOneWakeUpAndLaterDoesNot() {
    List<String> log = new ArrayList<>();
    Engine e = new Engine();
    Logger a = new Logger("a", 1, log, 0, -1);
    e.wake(a, 10);
    e.wake(a, 20);
    e.wake(a, 5);
    assertEquals(CLOCK.timeOf(5), e.nextTime());
    e.runWindow(CLOCK.timeOf(30), null);
    assertEquals(List.of("a@5"), log);
  }

  @Test
  void clockDomainsConvertWithoutDrift() {
    ClockDomain odd = new ClockDomain("odd", 1755);
    for (long c : new long[] {0, 1, 7, 1_000_003, 9_000_000_000L}) {
      assertEquals(c, odd.cycleAtOrAfter(odd.timeOf(c)));
      assertEquals(c + 1, odd.cycleAtOrAfter(odd.timeOf(c) + 1));
    }
  }
}
