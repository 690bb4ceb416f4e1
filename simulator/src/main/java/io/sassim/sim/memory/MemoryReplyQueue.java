package io.sassim.sim.memory;

import java.util.Arrays;

/**
 * Replies waiting for one SM: each is a request's tag and the core cycle its data (or its
 * acknowledgement) reaches the SM. Filled at window ends by the {@link LowerMemory}, drained by
 * the SM as its cycles reach the ready times. Kept as a binary min-heap on ready cycle, ties in
 * insertion order, so the SM sees replies in a fixed order.
 */
public final class MemoryReplyQueue {

  private long[] ready = new long[64];
  private long[] tag = new long[64];
  private long[] sequence = new long[64];
  private int size;
  private long nextSequence;

  public void add(long readyCycle, long tag) {
    if (size == ready.length) {
      int n = size * 2;
      ready = Arrays.copyOf(ready, n);
      this.tag = Arrays.copyOf(this.tag, n);
      sequence = Arrays.copyOf(sequence, n);
    }
    int i = size++;
    ready[i] = readyCycle;
    this.tag[i] = tag;
    sequence[i] = nextSequence++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(i, parent)) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Ready cycle of the earliest reply, or Long.MAX_VALUE when none waits. */
  public long nextReady() {
    return size == 0 ? Long.MAX_VALUE : ready[0];
  }

  /** Tag of the earliest reply; call only when not empty. */
  public long peekTag() {
    return tag[0];
  }

  /** Removes the earliest reply. */
  public void pop() {
    size--;
    if (size == 0) {
      return;
    }
    ready[0] = ready[size];
    tag[0] = tag[size];
    sequence[0] = sequence[size];
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int c = l + 1 < size && before(l + 1, l) ? l + 1 : l;
      if (!before(c, i)) {
        break;
      }
      swap(i, c);
      i = c;
    }
  }

  private boolean before(int a, int b) {
    return ready[a] < ready[b] || (ready[a] == ready[b] && sequence[a] < sequence[b]);
  }

  private void swap(int a, int b) {
    long r = ready[a];
    ready[a] = ready[b];
    ready[b] = r;
    long t = tag[a];
    tag[a] = tag[b];
    tag[b] = t;
    long s = sequence[a];
    sequence[a] = sequence[b];
    sequence[b] = s;
  }
}
