package io.sassim.sim.l1;

import io.sassim.sim.config.L1DataConfig;

/**
 * The SM's L1 data cache (paper §6; gpu-specs §8): the part of the unified L1/shared array that
 * the shared-memory carveout leaves, sectored (valid bits per 32-byte sector of a 128-byte
 * line), least recently used, write-through with no allocation on a store unless configured.
 * Its misses are tracked by {@link MissStatusHoldingRegisters}. Counts sector hits and misses.
 */
public final class L1DataCache {

  private final SectoredTagArray tags;
  private final MissStatusHoldingRegisters mshrs;
  private final int capacityBytes;
  private long sectorHits;
  private long sectorMisses;
  private long mergedSectors;
  private long mshrStallCycles;
  private long storeSectors;
  private long bypassSectors;

  /**
   * @param carveoutBytes the shared memory this kernel's resident blocks need; the carveout is
   *     at least the configured one
   */
  public L1DataCache(L1DataConfig c, int carveoutBytes) {
    int lineSet = c.sets() * c.lineBytes();
    int bytes = Math.max(lineSet, c.cacheBytes(carveoutBytes) / lineSet * lineSet);
    this.capacityBytes = bytes;
    this.tags = new SectoredTagArray(c.sets(), bytes / lineSet);
    this.mshrs = new MissStatusHoldingRegisters(c.mshrEntries(), c.mshrMerges());
  }

  public int capacityBytes() {
    return capacityBytes;
  }

  public MissStatusHoldingRegisters mshrs() {
    return mshrs;
  }

  /** Looks up a load: the sectors among {@code sectors} present in the L1; counts hits and misses. */
  public int load(long line, int sectors) {
    int hit = tags.lookup(line, sectors);
    sectorHits += Integer.bitCount(hit);
    sectorMisses += Integer.bitCount(sectors & ~hit);
    return hit;
  }

  /** A fill from the lower memory. */
  public void fill(long line, int sectors) {
    tags.fill(line, sectors);
  }

  /** A store's sectors go through to the L2; a present line is updated, or allocated if configured. */
  public void store(long line, int sectors, boolean allocate) {
    storeSectors += Integer.bitCount(sectors);
    if (allocate || tags.contains(line)) {
      tags.fill(line, sectors);
    }
  }

  /** An atomic is performed at the L2: the L1's copy of the line is stale afterwards. */
  public void invalidate(long line) {
    tags.invalidate(line);
  }

  public void countMerged(int sectors) {
    mergedSectors += Integer.bitCount(sectors);
  }

  public void countBypass(int sectors) {
    bypassSectors += Integer.bitCount(sectors);
  }

  public void countMshrStall() {
    mshrStallCycles++;
  }

  public long sectorHits() {
    return sectorHits;
  }

  public long sectorMisses() {
    return sectorMisses;
  }

  public long mergedSectors() {
    return mergedSectors;
  }

  public long mshrStallCycles() {
    return mshrStallCycles;
  }

  public long storeSectors() {
    return storeSectors;
  }

  public long bypassSectors() {
    return bypassSectors;
  }
}
