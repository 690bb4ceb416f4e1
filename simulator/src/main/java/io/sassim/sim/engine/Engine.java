package io.sassim.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs ticking components window by window ({@link #runWindow}). Events are wake-ups of
 * components, kept in a binary heap ordered by (time, component order), so two runs of the same
 * model tick in the same order. A component holds at most one pending wake-up; waking it earlier
 * moves that one.
 */
public final class Engine {

  private TickingComponent[] heap = new TickingComponent[16];
  private int size;
  private long now;

  /** Current time in picoseconds. */
  public long now() {
    return now;
  }

  /** Makes {@code c} tick at the start of its clock's cycle {@code cycle}, or earlier if so due. */
  public void wake(TickingComponent c, long cycle) {
    insertAt(c, Math.max(c.clock().timeOf(cycle), now));
  }

  /**
   * Runs every component due before {@code endTime}, each through all its ticks in the window
   * before the next (in component order), instead of interleaving them cycle by cycle. This keeps
   * one component's state in the processor caches and lets independent components run on
   * several threads; it is exact when components do not interact inside a window, which the
   * caller arranges (the GPU exchanges blocks between SMs only at window ends).
   *
   * @param endTime window end in picoseconds (exclusive)
   * @param threads null to run here, or a pool to run components in parallel
   */
  public void runWindow(long endTime, ExecutorService threads) {
    runWindow(endTime, threads, false);
  }

  /**
   * {@link #runWindow(long, ExecutorService)}, where {@code anyOrder} says that the components'
   * order inside the window cannot change anything (what running them on several threads
   * already assumes). On one thread the engine then alternates direction window by window: the
   * component that ran last runs first in the next window, while its state is still in the
   * processor caches.
   */
  public void runWindow(long endTime, ExecutorService threads, boolean anyOrder) {
    due.clear();
    while (size > 0 && heap[0].scheduledTime < endTime) {
      due.add(pop());
    }
    due.sort(BY_ORDER);
    if (threads == null || due.size() < 2) {
      boolean descending = anyOrder && descendingNext;
      descendingNext = anyOrder && !descending;
      int n = due.size();
      for (int k = 0; k < n; k++) {
        runThrough(due.get(descending ? n - 1 - k : k), endTime);
      }
    } else {
      List<Future<?>> done = new ArrayList<>(due.size());
      for (TickingComponent c : due) {
        done.add(threads.submit((Callable<Void>) () -> {
          runThrough(c, endTime);
          return null;
        }));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    }
    for (TickingComponent c : due) {
      long wakeTime = c.windowWake;
      if (wakeTime != TickingComponent.NOT_SCHEDULED) {
        c.windowWake = TickingComponent.NOT_SCHEDULED;
        insertAt(c, wakeTime);
      }
    }
    now = Math.max(now, endTime);
  }

  /** Time of the earliest pending wake-up, or Long.MAX_VALUE. */
  public long nextTime() {
    return size == 0 ? Long.MAX_VALUE : heap[0].scheduledTime;
  }

  private static final Comparator<TickingComponent> BY_ORDER = Comparator.comparingInt(c -> c.order);
  private final List<TickingComponent> due = new ArrayList<>();
  /** The next window whose order does not matter runs its components in descending order. */
  private boolean descendingNext;

  private static void runThrough(TickingComponent c, long endTime) {
    ClockDomain clock = c.clock();
    long cycle = clock.cycleAtOrAfter(c.scheduledTime);
    // A clock's cycles start at strictly increasing times, so the window ends before this cycle:
    // the loop compares cycle numbers instead of converting each cycle to picoseconds.
    long endCycle = clock.cycleAtOrAfter(endTime);
    while (true) {
      boolean progress = c.tick(cycle);
      long requested = c.takeRequestedWake();
      long next;
      if (progress) {
        next = cycle + 1;
      } else if (requested != TickingComponent.NOT_SCHEDULED) {
        next = Math.max(requested, cycle + 1);
      } else {
        c.windowWake = TickingComponent.NOT_SCHEDULED;
        return;
      }
      if (next >= endCycle) {
        c.windowWake = clock.timeOf(next);
        return;
      }
      cycle = next;
    }
  }

  private void insertAt(TickingComponent c, long time) {
    if (c.heapIndex >= 0) {
      if (time < c.scheduledTime) {
        c.scheduledTime = time;
        siftUp(c.heapIndex);
      }
      return;
    }
    c.scheduledTime = time;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = c;
    c.heapIndex = size;
    size++;
    siftUp(size - 1);
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
