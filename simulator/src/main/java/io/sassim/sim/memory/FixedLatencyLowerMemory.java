package io.sassim.sim.memory;

/**
 * A lower memory that answers every request after a fixed latency (an L2 hit, say), with one
 * bandwidth limit for the whole chip: requests are served one after another in (cycle, SM,
 * queue order), each taking its bytes / {@code bytesPerCycle} of the shared transfer time.
 * An honest stand-in for ablations: no L2 misses, no slices, no DRAM. Stores are acknowledged
 * like loads; reductions get no reply.
 */
public final class FixedLatencyLowerMemory implements LowerMemory {

  private final int latency;
  private final int bytesPerCycle;
  private final int sectorBytes;
  /** When the shared transfer is next free, in bytes (cycle x bytesPerCycle), so no rounding. */
  private long freeAtBytes;
  private int[] cursor = new int[0];
  private long requests;
  private long bytes;
  private long queuedCycles;

  public FixedLatencyLowerMemory(int latency, int bytesPerCycle, int sectorBytes) {
    this.latency = latency;
    this.bytesPerCycle = bytesPerCycle;
    this.sectorBytes = sectorBytes;
  }

  @Override
  public void exchange(long windowEnd, MemoryRequestQueue[] requests, MemoryReplyQueue[] replies) {
    if (cursor.length != requests.length) {
      cursor = new int[requests.length];
    }
    java.util.Arrays.fill(cursor, 0);
    while (true) {
      // The oldest request, lowest SM index first among equals.
      int sm = -1;
      long cycle = Long.MAX_VALUE;
      for (int s = 0; s < requests.length; s++) {
        if (cursor[s] < requests[s].size() && requests[s].cycle(cursor[s]) < cycle) {
          cycle = requests[s].cycle(cursor[s]);
          sm = s;
        }
      }
      if (sm < 0) {
        break;
      }
      MemoryRequestQueue q = requests[sm];
      int i = cursor[sm]++;
      long size = (long) Integer.bitCount(q.sectorMask(i)) * sectorBytes;
      long start = Math.max(cycle * bytesPerCycle, freeAtBytes);
      freeAtBytes = start + size;
      // The latency runs from when the request gets the transfer; later ones queue behind it.
      long served = (start + bytesPerCycle - 1) / bytesPerCycle;
      queuedCycles += served - cycle;
      this.requests++;
      bytes += size;
      if (q.kind(i) != MemoryRequestQueue.REDUCTION) {
        replies[sm].add(Math.max(windowEnd, served + latency), q.tag(i));
      }
    }
    for (MemoryRequestQueue q : requests) {
      q.clear();
    }
  }

  @Override
  public int minimumLatency() {
    return latency;
  }

  @Override
  public void reportTo(StatSink sink) {
    sink.add("lowerMemoryRequests", requests, "requests the L1s sent below (loads, stores, atomics)");
    sink.add("lowerMemoryBytes", bytes, "bytes those requests moved");
    sink.add("lowerMemoryQueuedCycles", queuedCycles,
        "cycles requests waited for the fixed lower memory's bandwidth, summed");
  }
}
