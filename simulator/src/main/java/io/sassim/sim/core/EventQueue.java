package io.sassim.sim.core;

import java.util.Arrays;

/**
 * Future state changes inside an SM (counter releases, result-queue frees, warp wake-ups),
 * ordered by cycle and then by insertion, held in primitive arrays so scheduling one allocates
 * nothing once the arrays have grown.
 */
final class EventQueue {

  private long[] keys = new long[256];
  private int[] kinds = new int[256];
  private int[] targets = new int[256];
  private int[] args = new int[256];
  private int size;
  private long sequence;

  /** Schedules {@code kind(target, arg)} at {@code cycle}. */
  void add(long cycle, int kind, int target, int arg) {
    if (size == keys.length) {
      int n = size * 2;
      keys = Arrays.copyOf(keys, n);
      kinds = Arrays.copyOf(kinds, n);
      targets = Arrays.copyOf(targets, n);
      args = Arrays.copyOf(args, n);
    }
    // Cycle in the high 40 bits, insertion order below: ties keep their scheduling order.
    long key = (cycle << 24) | (sequence++ & 0xFFFFFF);
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    keys[i] = key;
    kinds[i] = kind;
    targets[i] = target;
    args[i] = arg;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Cycle of the earliest event; only when not empty. */
  long nextCycle() {
    return keys[0] >>> 24;
  }

  int topKind() {
    return kinds[0];
  }

  int topTarget() {
    return targets[0];
  }

  int topArg() {
    return args[0];
  }

  void pop() {
    size--;
    if (size == 0) {
      return;
    }
    long key = keys[size];
    int kind = kinds[size];
    int target = targets[size];
    int arg = args[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && keys[child + 1] < keys[child]) {
        child++;
      }
      if (keys[child] >= key) {
        break;
      }
      move(child, i);
      i = child;
    }
    keys[i] = key;
    kinds[i] = kind;
    targets[i] = target;
    args[i] = arg;
  }

  private void move(int from, int to) {
    keys[to] = keys[from];
    kinds[to] = kinds[from];
    targets[to] = targets[from];
    args[to] = args[from];
  }
}
