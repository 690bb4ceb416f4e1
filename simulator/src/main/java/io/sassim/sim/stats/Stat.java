package io.sassim.sim.stats;

/**
 * Every per-kernel counter sassim reports, with its JSON name and meaning (gem5-style: declared
 * once, dumped in one format). Per-sub-core issue stalls are listed separately by {@code
 * io.sassim.sim.core.StallReason}.
 */
public enum Stat {
  CYCLES("cycles", "core cycles from kernel launch to the last block's completion"),
  WARP_INSTRUCTIONS("warpInstructions", "warp instructions issued"),
  THREAD_INSTRUCTIONS("threadInstructions", "thread instructions issued (active lanes)"),
  REGISTER_READS("registerFileReads", "regular-register operand reads served by a bank"),
  REGISTER_CACHE_HITS("registerFileCacheHits", "regular-register operand reads served by the reuse cache"),
  BANK_CONFLICT_CYCLES("registerBankConflictCycles", "cycles instructions waited in Allocate for bank read ports"),
  FETCHES("fetches", "instructions fetched into instruction buffers"),
  L0I_HITS("l0InstructionHits", "fetches that hit a filled L0 instruction-cache line"),
  L0I_PENDING_HITS("l0InstructionPendingHits", "fetches that found their L0 line still being filled"),
  L0I_MISSES("l0InstructionMisses", "fetches that sent a demand request to the L1 instruction cache"),
  PREFETCH_HITS("prefetchHits", "fetches served by the stream buffer's head"),
  PREFETCHES("prefetchesIssued", "stream-buffer prefetch requests sent to the L1"),
  L1I_HITS("l1InstructionHits", "L1 instruction-cache hits (demand and prefetch)"),
  L1I_MISSES("l1InstructionMisses", "L1 instruction-cache misses"),
  L1D_SECTOR_HITS("l1DataSectorHits", "32-byte sectors of global loads found in the L1 data cache"),
  L1D_SECTOR_MISSES("l1DataSectorMisses", "sectors of global loads the L1 data cache did not hold (merged ones included)"),
  L1D_MERGED_SECTORS("l1DataMergedSectors", "missed sectors already in flight in an MSHR: no new request"),
  L1D_BYPASS_SECTORS("l1DataBypassSectors", "sectors of loads that skip the L1 (.STRONG.GPU/.SYS, LDGSTS .BYPASS)"),
  L1D_STORE_SECTORS("l1DataStoreSectors", "sectors of stores and reductions written through to the L2"),
  L1D_MSHR_STALL_CYCLES("l1DataMshrStallCycles", "cycles the memory intake waited for a free MSHR or merge slot"),
  SHARED_ACCESSES("sharedAccesses", "shared-memory warp accesses with traced addresses (LDS, STS, LDSM, ATOMS)"),
  SHARED_WAVEFRONTS("sharedWavefronts", "bank cycles those accesses took"),
  SHARED_BANK_CONFLICT_CYCLES("sharedBankConflictCycles", "bank cycles beyond each access's conflict-free wavefronts"),
  CONSTANT_HITS("constantCacheHits", "LDC reads that hit the SM's constant cache"),
  CONSTANT_MISSES("constantCacheMisses", "LDC reads that went to the L1.5"),
  LOWER_REQUESTS("lowerMemoryRequests", "requests the L1s sent below (loads, stores, atomics)"),
  LOWER_BYTES("lowerMemoryBytes", "bytes those requests moved"),
  LOWER_QUEUED_CYCLES("lowerMemoryQueuedCycles", "cycles requests waited for the fixed lower memory's bandwidth, summed"),
  // The hierarchy below the L1 (MemorySystem); zero under lowerMemory.model: fixed.
  MEMORY_REQUESTS("memoryRequests", "line requests that reached the L2"),
  L2_LOAD_SECTORS("l2LoadSectors", "sectors loaded through the L2"),
  L2_STORE_SECTORS("l2StoreSectors", "sectors stored into the L2"),
  L2_ATOMIC_SECTORS("l2AtomicSectors", "sectors of atomics and reductions done at the L2"),
  L2_SECTOR_HITS("l2SectorHits", "sectors found in the L2 partition that served them"),
  L2_FAR_SECTOR_HITS("l2FarSectorHits", "sectors found in the other (far) L2 partition"),
  L2_SECTOR_MISSES("l2SectorMisses", "sectors read from DRAM on an L2 miss"),
  L2_VICTIMS_MOVED("l2VictimsMoved", "lines evicted into the other L2 partition"),
  L2_WRITEBACK_SECTORS("l2WritebackSectors", "dirty sectors written back to DRAM"),
  DRAM_READ_SECTORS("dramReadSectors", "32-byte sectors read from DRAM"),
  DRAM_WRITE_SECTORS("dramWriteSectors", "32-byte sectors written to DRAM"),
  DRAM_ROW_HITS("dramRowHits", "DRAM accesses that found their row open"),
  DRAM_ROW_MISSES("dramRowMisses", "DRAM accesses to a bank with no open row"),
  DRAM_ROW_CONFLICTS("dramRowConflicts", "DRAM accesses that closed another open row first"),
  DRAM_BUS_BUSY_CYCLES("dramBusBusyCycles", "core cycles DRAM data buses were busy, summed over channels");

  /** The stat named {@code key}, or null. */
  public static Stat byKey(String key) {
    for (Stat s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }

  private final String key;
  private final String description;

  Stat(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }
}
