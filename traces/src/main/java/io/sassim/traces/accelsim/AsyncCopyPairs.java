package io.sassim.traces.accelsim;

import io.sassim.traces.model.WarpTrace;

/**
 * Feeds parsed lines into a warp and merges LDGSTS pairs. The tracer writes two records per
 * LDGSTS execution (the shared destination, then the global source); Accel-Sim's post-processor
 * keeps only the second, but traces processed by older tools hold both, one after the other with
 * the same instruction and mask. The pair becomes one entry with the global addresses. An LDGSTS
 * line is held back until the next line shows whether it is the first of a pair.
 */
final class AsyncCopyPairs {

  private WarpTrace.Builder builder;
  private boolean pending;
  private int pendingId;
  private int pendingMask;
  private int pendingMode;
  private int pendingCount;
  private final long[] pendingAddresses = new long[32];

  void reset(WarpTrace.Builder target) {
    builder = target;
    pending = false;
  }

  void add(InstructionLineParser p) {
    if (pending) {
      pending = false;
      if (p.id == pendingId && p.mask == pendingMask) {
        // Second record of a pair: it carries the global addresses, which are the ones kept.
        append(p);
        return;
      }
      builder.add(pendingId, pendingMask, pendingAddresses, pendingCount, pendingMode);
    }
    if (p.isAsyncCopy(p.id)) {
      pending = true;
      pendingId = p.id;
      pendingMask = p.mask;
      pendingMode = p.mode;
      pendingCount = p.addressCount;
      System.arraycopy(p.addresses, 0, pendingAddresses, 0, p.addressCount);
    } else {
      append(p);
    }
  }

  /** Appends a held-back LDGSTS at the end of the warp. */
  void flush() {
    if (pending) {
      pending = false;
      builder.add(pendingId, pendingMask, pendingAddresses, pendingCount, pendingMode);
    }
  }

  private void append(InstructionLineParser p) {
    builder.add(p.id, p.mask, p.addresses, p.addressCount, p.mode);
  }
}
