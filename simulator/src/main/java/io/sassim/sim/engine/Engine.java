package io.sassim.sim.engine;

import java.util.Arrays;

/**
 * Runs ticking components in time order. Events are wake-ups of components, kept in a binary
 * heap ordered by (time, component order), so two runs of the same model tick in the same order.
 * A component holds at most one pending wake-up; waking it earlier moves that one.
 */
public final class Engine {

  private TickingComponent[] heap = new TickingComponent[16];
  private int size;
  private long now;
  private long ticks;

  /** Current time in picoseconds. */
  public long now() {
    return now;
  }

  /** Component ticks performed so far. */
  public long ticks() {
    return ticks;
  }

  /** Makes {@code c} tick at the start of its clock's cycle {@code cycle}, or earlier if so due. */
  public void wake(TickingComponent c, long cycle) {
    long t = Math.max(c.clock().timeOf(cycle), now);
    if (c.heapIndex >= 0) {
      if (t >= c.scheduledTime) {
        return;
      }
      c.scheduledTime = t;
      siftUp(c.heapIndex);
      return;
    }
    c.scheduledTime = t;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = c;
    c.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  /** Whether any wake-up is pending. */
  public boolean hasWork() {
    return size > 0;
  }

  /**
   * Ticks components until none has work or {@code until} says stop; checked after each tick.
   *
   * @return true when stopped by {@code until}
   */
  public boolean run(StopCondition until) {
    while (size > 0) {
      TickingComponent c = pop();
      now = c.scheduledTime;
      long cycle = c.clock().cycleAtOrAfter(now);
      ticks++;
      boolean progress = c.tick(cycle);
      long requested = c.takeRequestedWake();
      if (progress) {
        wake(c, cycle + 1);
      } else if (requested != TickingComponent.NOT_SCHEDULED) {
        wake(c, Math.max(requested, cycle + 1));
      }
      if (until.shouldStop()) {
        return true;
      }
    }
    return false;
  }

  /** Polled by {@link #run} after each tick. */
  @FunctionalInterface
  public interface StopCondition {
    boolean shouldStop();
  }

  private TickingComponent pop() {
    TickingComponent top = heap[0];
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      heap[0].heapIndex = 0;
      siftDown(0);
    }
    heap[size] = null;
    top.heapIndex = -1;
    return top;
  }

  private static boolean before(TickingComponent a, TickingComponent b) {
    return a.scheduledTime < b.scheduledTime
        || (a.scheduledTime == b.scheduledTime && a.order < b.order);
  }

  private void siftUp(int i) {
    TickingComponent c = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(c, heap[parent])) {
        break;
      }
      heap[i] = heap[parent];
      heap[i].heapIndex = i;
      i = parent;
    }
    heap[i] = c;
    c.heapIndex = i;
  }

  private void siftDown(int i) {
    TickingComponent c = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], c)) {
        break;
      }
      heap[i] = heap[child];
      heap[i].heapIndex = i;
      i = child;
    }
    heap[i] = c;
    c.heapIndex = i;
  }
}
