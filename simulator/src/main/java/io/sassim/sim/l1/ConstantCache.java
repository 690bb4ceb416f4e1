package io.sassim.sim.l1;

import io.sassim.sim.config.CacheGeometry;

/**
 * The SM-level constant cache that LDC reads (the paper's L0 VL cache, §5.4; 2 KB in the
 * authors' config). A hit is Table 2's LDC latency; a miss adds the round trip to the L1.5.
 */
public final class ConstantCache {

  private final SectoredTagArray tags;
  private final int lineShift;
  private long hits;
  private long misses;

  public ConstantCache(CacheGeometry g) {
    this.tags = new SectoredTagArray(g.sets(), g.ways());
    this.lineShift = Integer.numberOfTrailingZeros(g.lineBytes());
  }

  /** Reads the line holding {@code address}; true on a hit. A miss fills the line. */
  public boolean read(long address) {
    long line = address >>> lineShift;
    if (tags.lookup(line, 1) != 0) {
      hits++;
      return true;
    }
    misses++;
    tags.fill(line, 1);
    return false;
  }

  public long hits() {
    return hits;
  }

  public long misses() {
    return misses;
  }
}
