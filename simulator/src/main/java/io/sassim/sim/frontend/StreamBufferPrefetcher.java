package io.sassim.sim.frontend;

import io.sassim.sim.config.PrefetcherConfig;

/**
 * A stream buffer next to an L0 instruction cache (paper §5.2, after Jouppi): a demand miss
 * re-aims it at the following line; it then requests successive lines, one per cycle while it
 * has room and the L1 port is free. Only its head is matched against demand fetches.
 */
final class StreamBufferPrefetcher {

  private final int capacity;
  private final int perCycle;
  private final long[] lines;
  private final long[] readyAt;
  private int head;
  private int count;
  private boolean active;
  private long nextLine;
  long issued;

  StreamBufferPrefetcher(PrefetcherConfig config) {
    boolean on = "stream-buffer".equals(config.policy()) && config.entries() > 0;
    this.capacity = on ? config.entries() : 0;
    this.perCycle = Math.max(1, config.prefetchesPerCycle());
    this.lines = new long[Math.max(1, capacity)];
    this.readyAt = new long[Math.max(1, capacity)];
  }

  boolean headIs(long line) {
    return count > 0 && lines[head] == line;
  }

  /** Removes the head and returns the cycle its data arrives. */
  long popHead() {
    long r = readyAt[head];
    head = (head + 1) % capacity;
    count--;
    return r;
  }

  /** A demand miss on {@code line}: flush and stream from the next line. */
  void restartAfter(long line) {
    if (capacity == 0) {
      return;
    }
    head = 0;
    count = 0;
    active = true;
    nextLine = line + 1;
  }

  /** Issues this cycle's prefetches. */
  void cycle(long cycle, L0InstructionCache owner, InstructionCacheArray l0, L1InstructionCache l1) {
    for (int n = 0; n < perCycle && active && count < capacity && l1.portFree(cycle); n++) {
      if (l0.find(nextLine) >= 0) {
        // The stream ran into code already cached: nothing more to gain.
        active = false;
        return;
      }
      lines[(head + count) % capacity] = nextLine;
      readyAt[(head + count) % capacity] = owner.deliver(l1.request(nextLine, cycle));
      count++;
      issued++;
      nextLine++;
    }
  }

  boolean wantsPort() {
    return active && count < capacity;
  }
}
