package io.sassim.sim.core;

import java.util.Arrays;

/**
 * Future state changes inside an SM (counter releases, result-queue frees, warp wake-ups),
 * ordered by cycle and then by insertion, in a binary heap held in one primitive array so
 * scheduling one allocates nothing once the array has grown.
 *
 * <p>Each event is two adjacent longs, its ordering key and its packed kind, target and
 * argument: a heap step touches one place instead of four parallel arrays, which matters
 * because the SMs take turns and an SM's queue is usually out of the processor caches when its
 * turn comes.
 */
final class EventQueue {

  private static final int TARGET_BITS = 24;
  private static final int TARGET_MASK = (1 << TARGET_BITS) - 1;

  /** {@code [2i]}: key of heap node i; {@code [2i + 1]}: its kind, target and argument. */
  private long[] heap = new long[512];
  private int size;
  private long sequence;

  /** Schedules {@code kind(target, arg)} at {@code cycle}; kind is below 256, target below 2^24. */
  void add(long cycle, int kind, int target, int arg) {
    if (2 * size == heap.length) {
      heap = Arrays.copyOf(heap, heap.length * 2);
    }
    // Cycle in the high 40 bits, insertion order below: ties keep their scheduling order.
    long key = (cycle << 24) | (sequence++ & 0xFFFFFF);
    long event = (long) kind << 56 | (long) (target & TARGET_MASK) << 32 | (arg & 0xFFFFFFFFL);
    long[] h = heap;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long parentKey = h[2 * parent];
      if (parentKey <= key) {
        break;
      }
      h[2 * i] = parentKey;
      h[2 * i + 1] = h[2 * parent + 1];
      i = parent;
    }
    h[2 * i] = key;
    h[2 * i + 1] = event;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Cycle of the earliest event; only when not empty. */
  long nextCycle() {
    return heap[0] >>> 24;
  }

  int topKind() {
    return (int) (heap[1] >>> 56);
  }

  int topTarget() {
    return (int) (heap[1] >>> 32) & TARGET_MASK;
  }

  int topArg() {
    return (int) heap[1];
  }

  void pop() {
    size--;
    if (size == 0) {
      return;
    }
    long[] h = heap;
    long key = h[2 * size];
    long event = h[2 * size + 1];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      long childKey = h[2 * child];
      if (child + 1 < size && h[2 * child + 2] < childKey) {
        child++;
        childKey = h[2 * child];
      }
      if (childKey >= key) {
        break;
      }
      h[2 * i] = childKey;
      h[2 * i + 1] = h[2 * child + 1];
      i = child;
    }
    h[2 * i] = key;
    h[2 * i + 1] = event;
  }
}
