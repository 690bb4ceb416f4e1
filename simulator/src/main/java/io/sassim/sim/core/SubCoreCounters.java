package io.sassim.sim.core;

/** Event counts of one sub-core; summed over SMs per sub-core index for the kernel's stats. */
public final class SubCoreCounters {

  long warpInstructions;
  long threadInstructions;
  final long[] stallCycles = new long[StallReason.VALUES.length];
  long registerReads;
  long registerCacheHits;
  long bankConflictCycles;
  long fetches;

  public long warpInstructions() {
    return warpInstructions;
  }

  public long threadInstructions() {
    return threadInstructions;
  }

  public long stallCycles(StallReason reason) {
    return stallCycles[reason.ordinal()];
  }

  /** Regular-register operand reads that went to a bank. */
  public long registerReads() {
    return registerReads;
  }

  /** Regular-register operand reads served by the register-file cache. */
  public long registerCacheHits() {
    return registerCacheHits;
  }

  /** Cycles an instruction waited in Allocate for bank read ports. */
  public long bankConflictCycles() {
    return bankConflictCycles;
  }

  public long fetches() {
    return fetches;
  }

  /** Adds {@code other} into this. */
  public void add(SubCoreCounters other) {
    warpInstructions += other.warpInstructions;
    threadInstructions += other.threadInstructions;
    for (int i = 0; i < stallCycles.length; i++) {
      stallCycles[i] += other.stallCycles[i];
    }
    registerReads += other.registerReads;
    registerCacheHits += other.registerCacheHits;
    bankConflictCycles += other.bankConflictCycles;
    fetches += other.fetches;
  }

  void reset() {
    warpInstructions = 0;
    threadInstructions = 0;
    java.util.Arrays.fill(stallCycles, 0);
    registerReads = 0;
    registerCacheHits = 0;
    bankConflictCycles = 0;
    fetches = 0;
  }
}
