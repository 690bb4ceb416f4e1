package io.sassim.sim.memory;

/**
 * Everything below the SMs' L1 data caches: interconnect, L2 slices and DRAM. SMs never call it
 * directly. During a window each SM appends its line requests to its own {@link
 * MemoryRequestQueue}; at the window's end the GPU hands all queues to {@link #exchange}, which
 * serves the requests in (cycle, SM index, queue order) order and posts each reply into the
 * sending SM's {@link MemoryReplyQueue}. Because the order is fixed, the results do not depend
 * on how many threads ran the window. A reply can land no earlier than {@link
 * #minimumLatency()} after its request, so a window no longer than that never misses one.
 */
public interface LowerMemory {

  /**
   * Serves every request sent in the window that ended at core cycle {@code windowEnd}. Clears
   * the request queues. Every reply is ready at or after {@code windowEnd}.
   */
  void exchange(long windowEnd, MemoryRequestQueue[] requests, MemoryReplyQueue[] replies);

  /** Fewest core cycles between a request and its reply; bounds the GPU's window length. */
  int minimumLatency();

  /** Adds this memory's counters (hits, misses, bytes, busy cycles) to a kernel's statistics. */
  void reportTo(StatSink sink);

  /** Receives named counters; implemented by the statistics side. */
  interface StatSink {
    void add(String name, long value, String description);
  }
}
