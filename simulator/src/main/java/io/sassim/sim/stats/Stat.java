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
  L1I_MISSES("l1InstructionMisses", "L1 instruction-cache misses");

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
