package io.sassim.sim.core;

/**
 * The memory pipeline of paper §5.4 and §6 up to the SM-shared structures: per sub-core a latch
 * plus a queue (an instruction holds its entry from issue until it leaves), address calculation
 * at one instruction per {@code addressCycles}, and an intake that accepts one instruction from
 * any sub-core every {@code intakeInterval} cycles, oldest waiting first. An isolated
 * instruction leaves at its Table 2 WAR latency after issue; with the fixed Table 2 latencies
 * this reproduces the paper's Table 1 issue timeline.
 */
final class MemoryPipeline {

  private final StreamingMultiprocessor sm;
  private final CoreSettings settings;
  private final MemoryTiming timing;
  private final int slots;
  private final Warp[][] warps;
  private final DecodedInstruction[][] instructions;
  private final long[][] earliest;
  private final int[][] masks;
  private final int[] head;
  private final int[] count;
  private final long[] addressFree;
  private long intakeFree;
  private long returnPathFree;

  MemoryPipeline(StreamingMultiprocessor sm, CoreSettings settings, MemoryTiming timing) {
    this.sm = sm;
    this.settings = settings;
    this.timing = timing;
    this.slots = settings.memoryQueueSlots;
    int n = settings.subcores;
    warps = new Warp[n][slots];
    instructions = new DecodedInstruction[n][slots];
    earliest = new long[n][slots];
    masks = new int[n][slots];
    head = new int[n];
    count = new int[n];
    addressFree = new long[n];
  }

  /** Called from Control for an instruction issued in the previous cycle. */
  void enqueue(int subcore, Warp w, DecodedInstruction in, int traceIndex, long issued) {
    int tail = (head[subcore] + count[subcore]) % slots;
    warps[subcore][tail] = w;
    instructions[subcore][tail] = in;
    earliest[subcore][tail] = issued + timing.war(in);
    masks[subcore][tail] = w.trace.activeMask(traceIndex);
    count[subcore]++;
  }

  boolean isEmpty() {
    for (int c : count) {
      if (c > 0) {
        return false;
      }
    }
    return true;
  }

  /** Lets at most one instruction into the SM-shared part. Returns true when one left. */
  boolean cycle(long now) {
    if (now < intakeFree) {
      return false;
    }
    int best = -1;
    long bestSince = Long.MAX_VALUE;
    for (int s = 0; s < count.length; s++) {
      if (count[s] == 0) {
        continue;
      }
      long ready = Math.max(earliest[s][head[s]], addressFree[s]);
      if (ready > now) {
        continue;
      }
      if (ready < bestSince) {
        best = s;
        bestSince = ready;
      }
    }
    if (best < 0) {
      return false;
    }
    leave(best, now);
    return true;
  }

  private void leave(int s, long now) {
    int h = head[s];
    Warp w = warps[s][h];
    DecodedInstruction in = instructions[s][h];
    int mask = masks[s][h];
    warps[s][h] = null;
    instructions[s][h] = null;
    head[s] = (h + 1) % slots;
    count[s]--;
    sm.subcore(s).memoryQueueUsed--;
    sm.subcore(s).wake(now);
    intakeFree = now + settings.intakeInterval;
    addressFree[s] = now + (in.uniformAddress || in.memoryKind == MemoryKind.SHARED_LOAD
        || in.memoryKind == MemoryKind.SHARED_STORE ? settings.uniformAddressCycles : settings.addressCycles);
    if (in.memoryKind == MemoryKind.ASYNC_COPY) {
      w.asyncCopiesQueued--;
    }
    // Sources have been read: the WAR release (Table 2 "WAR").
    sm.releaseRead(w, in, now);
    int raw = timing.raw(in);
    if (raw <= 0 || (in.destinationRegisters.length == 0 && in.memoryKind != MemoryKind.ASYNC_COPY)) {
      sm.releaseWrite(w, in, now);
      sm.instructionDone(w, now);
      return;
    }
    long done = now + raw - timing.war(in);
    if (in.memoryKind == MemoryKind.ASYNC_COPY) {
      w.asyncCopiesDone = Math.max(w.asyncCopiesDone, done);
      sm.releaseWrite(w, in, done);
      sm.instructionDone(w, done);
      return;
    }
    // Load data returns over a 512-bit path shared by the SM (§5.4): a later load whose transfer
    // would overlap an earlier one waits for it.
    int bits = Integer.bitCount(mask) * in.accessBytes * 8;
    int transfer = Math.max(1, (bits + settings.loadReturnBits - 1) / settings.loadReturnBits);
    if (returnPathFree > done - transfer) {
      done = returnPathFree + transfer;
    }
    returnPathFree = done;
    sm.loadWriteBack(w, in, done);
    sm.instructionDone(w, done);
  }

  /** The earliest cycle something here may move, or Long.MAX_VALUE. */
  long nextChange(long now) {
    long next = Long.MAX_VALUE;
    for (int s = 0; s < count.length; s++) {
      if (count[s] > 0) {
        next = Math.min(next, Math.max(Math.max(earliest[s][head[s]], addressFree[s]), intakeFree));
      }
    }
    return next <= now ? now + 1 : next;
  }
}
