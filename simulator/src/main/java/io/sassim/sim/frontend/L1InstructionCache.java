package io.sassim.sim.frontend;

import io.sassim.sim.config.FrontEndConfig;

/**
 * The L1 instruction cache shared by an SM's sub-cores (paper §5.2), reached from each L0 over a
 * link with fixed latency each way and a limited number of requests per cycle, shared by demand
 * misses and prefetches. Its own misses take a fixed latency until the memory hierarchy serves
 * them.
 */
public final class L1InstructionCache {

  private final InstructionCacheArray array;
  private final int toL1;
  private final int toL0;
  private final int missLatency;
  private final int requestsPerCycle;
  private long portCycle = -1;
  private int portUsed;
  long hits;
  long misses;

  public L1InstructionCache(FrontEndConfig config) {
    this.array = new InstructionCacheArray(config.l1Instruction());
    this.toL1 = config.l0ToL1Latency();
    this.toL0 = config.l1ToL0Latency();
    this.missLatency = config.l1MissLatency();
    this.requestsPerCycle = config.l1RequestsPerCycle();
  }

  /** Whether a request can be sent this cycle. */
  boolean portFree(long cycle) {
    return portCycle != cycle || portUsed < requestsPerCycle;
  }

  /** Sends a request for {@code line}; returns the cycle its data reaches the L0. */
  long request(long line, long cycle) {
    if (portCycle != cycle) {
      portCycle = cycle;
      portUsed = 0;
    }
    portUsed++;
    long arrival = cycle + toL1;
    int slot = array.find(line);
    long ready;
    if (slot >= 0) {
      hits++;
      ready = Math.max(arrival, array.readyAt(slot));
      array.touch(slot, cycle);
    } else {
      misses++;
      ready = arrival + missLatency;
      array.insert(line, ready, cycle);
    }
    return ready + toL0;
  }

  public long hits() {
    return hits;
  }

  public long misses() {
    return misses;
  }
}
