package io.sassim.sim.frontend;

import io.sassim.sim.config.FrontEndConfig;

/**
 * A sub-core's private L0 instruction cache with its prefetcher (paper §5.2). {@link #fetch}
 * answers when an instruction's line is available; a line being filled serves later fetches
 * when it arrives.
 */
public final class L0InstructionCache {

  private final InstructionCacheArray array;
  private final StreamBufferPrefetcher prefetcher;
  private final L1InstructionCache l1;
  private final boolean perfect;
  private final int lineShift;
  /** Cycles the L1-to-L0 return path is busy per line (0: unlimited). */
  private final int fillInterval;
  /** First cycle the return path can deliver another line. */
  private long fillFree;
  private long hits;
  private long pendingHits;
  private long misses;
  private long prefetchHits;

  public L0InstructionCache(FrontEndConfig config, L1InstructionCache l1) {
    this.array = new InstructionCacheArray(config.l0Instruction());
    this.prefetcher = new StreamBufferPrefetcher(config.prefetcher());
    this.l1 = l1;
    this.perfect = config.perfectInstructionCache();
    this.lineShift = Integer.numberOfTrailingZeros(config.l0Instruction().lineBytes());
    this.fillInterval = config.l0FillInterval();
  }

  /**
   * A line the L1 sends for {@code ready} reaches this L0 once the return path is free: lines
   * arrive one per fill interval, demand and prefetch alike, in the order they were requested.
   */
  long deliver(long ready) {
    if (fillInterval == 0) {
      return ready;
    }
    long at = Math.max(ready, fillFree);
    fillFree = at + fillInterval;
    return at;
  }

  /**
   * Fetches the instruction at byte address {@code pc}.
   *
   * @return the cycle its bytes are at the decoder's input, or -1 when the miss could not be sent
   *     this cycle (L1 port taken) and the fetch must be retried
   */
  public long fetch(long pc, long cycle) {
    if (perfect) {
      hits++;
      return cycle;
    }
    long line = pc >>> lineShift;
    int slot = array.find(line);
    if (slot >= 0) {
      array.touch(slot, cycle);
      long ready = array.readyAt(slot);
      if (ready <= cycle) {
        hits++;
        return cycle;
      }
      pendingHits++;
      return ready;
    }
    if (prefetcher.headIs(line)) {
      prefetchHits++;
      long ready = prefetcher.popHead();
      array.insert(line, ready, cycle);
      return Math.max(cycle, ready);
    }
    if (!l1.portFree(cycle)) {
      return -1;
    }
    misses++;
    long ready = deliver(l1.request(line, cycle));
    array.insert(line, ready, cycle);
    prefetcher.restartAfter(line);
    return ready;
  }

  /** The prefetcher's turn, after the demand fetches of the cycle. */
  public void prefetch(long cycle) {
    if (!perfect && prefetcher.wantsPort()) {
      prefetcher.cycle(cycle, this, array, l1);
    }
  }

  /** Whether the prefetcher still has requests to make (the SM must keep ticking). */
  public boolean prefetchPending() {
    return !perfect && prefetcher.wantsPort();
  }

  /** Fetches whose line was present and filled. */
  public long hits() {
    return hits;
  }

  /** Fetches whose line was still being filled (merged into the outstanding miss). */
  public long pendingHits() {
    return pendingHits;
  }

  /** Fetches that sent a request to the L1. */
  public long misses() {
    return misses;
  }

  /** Fetches served by the stream buffer's head. */
  public long prefetchHits() {
    return prefetchHits;
  }

  /** Prefetch requests sent to the L1. */
  public long prefetchesIssued() {
    return prefetcher.issued;
  }
}
