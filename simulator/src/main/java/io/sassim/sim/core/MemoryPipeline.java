package io.sassim.sim.core;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.l1.Coalescer;
import io.sassim.sim.l1.ConstantCache;
import io.sassim.sim.l1.L1DataCache;
import io.sassim.sim.l1.MissStatusHoldingRegisters;
import io.sassim.sim.l1.SharedMemoryBanks;
import io.sassim.sim.memory.MemoryReplyQueue;
import io.sassim.sim.memory.MemoryRequestQueue;

/**
 * The memory pipeline of paper §5.4 and §6: per sub-core a latch plus a queue (an instruction
 * holds its entry from issue until it leaves), address calculation at one instruction per
 * {@code addressCycles}, and an intake that accepts one instruction from any sub-core every
 * {@code intakeInterval} cycles, oldest waiting first. An isolated instruction leaves at its
 * Table 2 WAR latency after issue, which reproduces the paper's Table 1 issue timeline.
 *
 * <p>Behind the intake, the SM-shared part: shared memory serves an access in bank wavefronts;
 * global accesses are coalesced into sectors and looked up in the L1, whose hits take Table 2's
 * latency and whose misses wait in MSHRs for the lower memory's replies; LDC reads the
 * constant cache. An access without traced addresses is timed as an L1 or conflict-free hit.
 * Results come back over the SM's 512-bit-per-cycle return path.
 */
final class MemoryPipeline {

  /** Reply tag of a store's acknowledgement, which nothing waits for. */
  private static final long STORE_TAG = -1;

  private final StreamingMultiprocessor sm;
  private final CoreSettings settings;
  private final MemoryTiming timing;
  private final int slots;
  private final Warp[][] warps;
  private final DecodedInstruction[][] instructions;
  private final long[][] earliest;
  private final int[][] masks;
  private final int[][] traceIndex;
  private final int[][] copyGroup;
  private final int[] head;
  private final int[] count;
  private final long[] addressFree;
  private long intakeFree;
  private long returnPathFree;

  final L1DataCache l1;
  final ConstantCache constants;
  private final Coalescer coalescer;
  private final SharedMemoryBanks banks;
  private final MissStatusHoldingRegisters mshrs;
  final MemoryRequestQueue requests = new MemoryRequestQueue();
  final MemoryReplyQueue replies = new MemoryReplyQueue();
  private final int tagCycles;
  private final int tagLookups;
  private final boolean writeAllocate;
  private final boolean bypassModifiers;
  private final int constantMissLatency;
  private final int ldsmExtraCycles;
  private final int conflictWavefrontCycles;
  private final long[] addresses = new long[32];
  /** Per coalesced line of an atomic: the most lanes on one address (sameAddressDepths). */
  private int[] lineDepth = new int[32];
  private final int lineBytes;
  private long bankConflictCycles;
  private long sharedWavefronts;
  private long sharedAccesses;

  /** Accesses waiting for the lower memory, by slot: what completes when they are answered. */
  private Warp[] pendingWarp = new Warp[32];
  private DecodedInstruction[] pendingInstruction = new DecodedInstruction[32];
  private int[] pendingOutstanding = new int[32];
  private long[] pendingReady = new long[32];
  private int[] pendingBits = new int[32];
  private int[] pendingGroup = new int[32];
  private int[] pendingFree = new int[32];
  private int pendingFreeCount;
  private int pendingSize;

  MemoryPipeline(StreamingMultiprocessor sm, CoreSettings settings, MemoryTiming timing,
      GpuConfig config, int carveoutBytes) {
    this.sm = sm;
    this.settings = settings;
    this.timing = timing;
    this.slots = settings.memoryQueueSlots;
    int n = settings.subcores;
    warps = new Warp[n][slots];
    instructions = new DecodedInstruction[n][slots];
    earliest = new long[n][slots];
    masks = new int[n][slots];
    traceIndex = new int[n][slots];
    copyGroup = new int[n][slots];
    head = new int[n];
    count = new int[n];
    addressFree = new long[n];
    l1 = new L1DataCache(config.l1Data(), carveoutBytes);
    mshrs = l1.mshrs();
    coalescer = new Coalescer(config.l1Data().lineBytes(), config.l1Data().sectorBytes());
    lineBytes = config.l1Data().lineBytes();
    banks = new SharedMemoryBanks(config.sharedMemory().banks(), config.sharedMemory().bankBytes());
    constants = new ConstantCache(config.constantCache().ldc());
    tagCycles = config.l1Data().tagCycles();
    tagLookups = config.l1Data().tagLookupsPerCycle();
    writeAllocate = config.l1Data().writeAllocate();
    bypassModifiers = config.l1Data().bypassModifiers();
    constantMissLatency = config.constantCache().missLatency();
    ldsmExtraCycles = config.sharedMemory().ldsmExtraCycles();
    conflictWavefrontCycles = config.sharedMemory().conflictWavefrontCycles();
  }

  /** Called from Control for an instruction issued in the previous cycle. */
  void enqueue(int subcore, Warp w, DecodedInstruction in, int traceIndex, long issued) {
    int tail = (head[subcore] + count[subcore]) % slots;
    warps[subcore][tail] = w;
    instructions[subcore][tail] = in;
    earliest[subcore][tail] = issued + timing.war(in);
    masks[subcore][tail] = w.trace.activeMask(traceIndex);
    this.traceIndex[subcore][tail] = traceIndex;
    copyGroup[subcore][tail] = w.groupsClosed % Warp.COPY_GROUPS;
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

  /** Whether accesses still wait for the lower memory. */
  boolean waitingBelow() {
    return pendingSize > pendingFreeCount || mshrs.inUse();
  }

  long bankConflictCycles() {
    return bankConflictCycles;
  }

  long sharedWavefronts() {
    return sharedWavefronts;
  }

  long sharedAccesses() {
    return sharedAccesses;
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
    return leave(best, now);
  }

  private boolean leave(int s, long now) {
    int h = head[s];
    Warp w = warps[s][h];
    DecodedInstruction in = instructions[s][h];
    int mask = masks[s][h];
    int ti = traceIndex[s][h];
    int n = w.trace.addressCount(ti);
    MemoryKind kind = in.memoryKind;
    boolean shared = kind == MemoryKind.SHARED_LOAD || kind == MemoryKind.SHARED_STORE;
    boolean global = kind == MemoryKind.GLOBAL_LOAD || kind == MemoryKind.GLOBAL_STORE
        || kind == MemoryKind.ASYNC_COPY;
    // Strided global and shared accesses are handled from their first address and stride
    // (below), without a lane loop.
    boolean strided = n > 0 && w.trace.isStrided(ti);
    if (n > 0 && !(strided && (global || shared && in.matrices == 0))) {
      w.trace.copyAddresses(ti, addresses);
    }
    int occupancy = settings.intakeInterval;
    long extra = 0;
    int lines = 0;
    if (global && n > 0) {
      lines = strided
          ? coalescer.coalesceStrided(w.trace.address(ti, 0), w.trace.stride(ti), n,
              in.accessBytes, addresses)
          : coalescer.coalesce(addresses, n, in.accessBytes);
      if (!reserveMshrs(in, lines)) {
        // No MSHR for a new miss (or no room to merge): the intake waits for a reply.
        l1.countMshrStall();
        return false;
      }
      occupancy = Math.max(occupancy, (lines + tagLookups - 1) / tagLookups);
    } else if (shared && n > 0) {
      int wavefronts;
      int minimum;
      if (in.matrices > 0) {
        wavefronts = banks.matrixWavefronts(addresses, n, mask, in.matrices);
        minimum = in.matrices;
        extra = in.matrices > 1 ? ldsmExtraCycles : 0;
      } else if (strided) {
        wavefronts = banks.stridedWavefronts(w.trace.address(ti, 0), w.trace.stride(ti), n, mask,
            in.accessBytes, addresses);
        minimum = Math.max(1, Math.min(4, in.accessBytes / 4));
      } else {
        wavefronts = banks.wavefronts(addresses, n, mask, in.accessBytes);
        minimum = Math.max(1, Math.min(4, in.accessBytes / 4));
      }
      // Table 2's latencies include the conflict-free wavefronts of each width.
      int conflicts = Math.max(0, wavefronts - minimum);
      sharedAccesses++;
      sharedWavefronts += wavefronts;
      bankConflictCycles += conflicts;
      extra += conflicts * conflictWavefrontCycles;
      occupancy = Math.max(occupancy, wavefronts);
    } else if (kind == MemoryKind.CONSTANT_LOAD) {
      // Untraced constant addresses: the instruction stands for the constant it reads.
      long key = n > 0 ? addresses[0] : (1L << 48) + ((long) in.pc << 6);
      if (!constants.read(key)) {
        extra = constantMissLatency;
      }
    }

    warps[s][h] = null;
    instructions[s][h] = null;
    head[s] = (h + 1) % slots;
    count[s]--;
    sm.subcore(s).memoryQueueUsed--;
    sm.subcore(s).wake(now);
    intakeFree = now + occupancy;
    addressFree[s] = now + (in.uniformAddress || shared
        ? settings.uniformAddressCycles : settings.addressCycles);
    // Sources have been read: the WAR release (Table 2 "WAR").
    sm.releaseRead(w, in, now);
    int group = copyGroup[s][h];
    if (global && n > 0) {
      if (in.atomic) {
        sameAddressDepths(w, ti, n, strided, lines);
      }
      global(w, in, mask, lines, group, now);
      return true;
    }
    int raw = timing.raw(in);
    if (raw <= 0 || (in.destinationRegisters.length == 0 && kind != MemoryKind.ASYNC_COPY)) {
      sm.releaseWrite(w, in, now);
      sm.instructionDone(w, now);
      return true;
    }
    long done = now + raw - timing.war(in) + extra;
    if (kind == MemoryKind.ASYNC_COPY) {
      copyLanded(w, in, group, done);
      return true;
    }
    writeBack(w, in, mask, done);
    return true;
  }

  /**
   * For each coalesced line of an atomic, the most lanes that target one address in it
   * ({@link #lineDepth}): the L2 performs same-address operations one after another.
   */
  private void sameAddressDepths(Warp w, int ti, int n, boolean strided, int lines) {
    if (lineDepth.length < lines) {
      lineDepth = new int[Math.max(lines, 2 * lineDepth.length)];
    }
    if (strided) {
      int depth = w.trace.stride(ti) == 0 ? n : 1;
      for (int i = 0; i < lines; i++) {
        lineDepth[i] = depth;
      }
      return;
    }
    for (int i = 0; i < lines; i++) {
      lineDepth[i] = 1;
    }
    for (int k = 0; k < n; k++) {
      long a = addresses[k];
      int same = 0;
      for (int j = 0; j < n; j++) {
        if (addresses[j] == a) {
          same++;
        }
      }
      long lineAddress = a - Math.floorMod(a, lineBytes);
      for (int i = 0; i < lines; i++) {
        if (coalescer.lineAddress(i) == lineAddress && lineDepth[i] < same) {
          lineDepth[i] = same;
        }
      }
    }
  }

  /** Whether the MSHRs can take this access's misses; counts nothing. */
  private boolean reserveMshrs(DecodedInstruction in, int lines) {
    if (in.memoryKind == MemoryKind.GLOBAL_STORE || in.atomic || bypasses(in)) {
      return true;
    }
    int needed = 0;
    for (int i = 0; i < lines; i++) {
      long line = coalescer.line(i);
      int e = mshrs.find(line);
      if (e >= 0) {
        if (!mshrs.canMerge(e)) {
          return false;
        }
      } else {
        needed++;
      }
    }
    // Lines that turn out to hit need no entry; counting them keeps the check simple and safe.
    return needed <= mshrs.freeEntries();
  }

  private boolean bypasses(DecodedInstruction in) {
    return bypassModifiers && in.l1Bypass;
  }

  /** A global access of {@code lines} coalesced lines enters the L1 at {@code now}. */
  private void global(Warp w, DecodedInstruction in, int mask, int lines, int group, long now) {
    long hitDone = now + timing.raw(in) - timing.war(in);
    long sent = now + tagCycles;
    if (in.memoryKind == MemoryKind.GLOBAL_STORE) {
      // Write-through: every sector goes to the L2; reductions are performed there.
      int kind = in.reduction ? MemoryRequestQueue.REDUCTION : MemoryRequestQueue.STORE;
      for (int i = 0; i < lines; i++) {
        l1.store(coalescer.line(i), coalescer.sectors(i), writeAllocate);
        requests.add(sent, coalescer.lineAddress(i), coalescer.sectors(i), kind, STORE_TAG);
      }
      sm.releaseWrite(w, in, now);
      sm.instructionDone(w, now);
      return;
    }
    int p = pendingSlot(w, in, mask, group);
    pendingReady[p] = hitDone;
    if (in.atomic) {
      long tag = -2 - p;
      for (int i = 0; i < lines; i++) {
        l1.invalidate(coalescer.line(i));
        requests.add(sent, coalescer.lineAddress(i), coalescer.sectors(i),
            MemoryRequestQueue.ATOMIC, tag, lineDepth[i]);
        pendingOutstanding[p]++;
      }
    } else {
      boolean bypass = bypasses(in);
      boolean allocate = !bypass && !(bypassModifiers && in.l1NoAllocate);
      for (int i = 0; i < lines; i++) {
        long line = coalescer.line(i);
        int sectors = coalescer.sectors(i);
        int missing = sectors;
        if (bypass) {
          l1.countBypass(sectors);
        } else {
          missing &= ~l1.load(line, sectors);
        }
        if (missing == 0) {
          continue;
        }
        int e = mshrs.find(line);
        if (e < 0) {
          e = mshrs.allocate(line, allocate);
        } else if (allocate) {
          mshrs.allocateOnFill(e);
        }
        int fresh = mshrs.unrequested(e, missing);
        l1.countMerged(missing & ~fresh);
        if (fresh != 0) {
          mshrs.requested(e, fresh);
          requests.add(sent, coalescer.lineAddress(i), fresh, MemoryRequestQueue.LOAD, e);
        }
        mshrs.addWaiter(e, p);
        pendingOutstanding[p]++;
      }
    }
    if (pendingOutstanding[p] == 0) {
      complete(p);
    }
  }

  private int pendingSlot(Warp w, DecodedInstruction in, int mask, int group) {
    int p;
    if (pendingFreeCount > 0) {
      p = pendingFree[--pendingFreeCount];
    } else {
      if (pendingSize == pendingWarp.length) {
        int m = pendingSize * 2;
        pendingWarp = java.util.Arrays.copyOf(pendingWarp, m);
        pendingInstruction = java.util.Arrays.copyOf(pendingInstruction, m);
        pendingOutstanding = java.util.Arrays.copyOf(pendingOutstanding, m);
        pendingReady = java.util.Arrays.copyOf(pendingReady, m);
        pendingBits = java.util.Arrays.copyOf(pendingBits, m);
        pendingGroup = java.util.Arrays.copyOf(pendingGroup, m);
        pendingFree = java.util.Arrays.copyOf(pendingFree, m);
      }
      p = pendingSize++;
    }
    pendingWarp[p] = w;
    pendingInstruction[p] = in;
    pendingOutstanding[p] = 0;
    pendingBits[p] = mask;
    pendingGroup[p] = group;
    return p;
  }

  /** Every line of pending access {@code p} is there: its result goes back. */
  private void complete(int p) {
    Warp w = pendingWarp[p];
    DecodedInstruction in = pendingInstruction[p];
    long done = pendingReady[p];
    pendingWarp[p] = null;
    pendingInstruction[p] = null;
    pendingFree[pendingFreeCount++] = p;
    if (in.memoryKind == MemoryKind.ASYNC_COPY) {
      copyLanded(w, in, pendingGroup[p], done);
    } else if (in.destinationRegisters.length == 0) {
      sm.releaseWrite(w, in, done);
      sm.instructionDone(w, done);
    } else {
      writeBack(w, in, pendingBits[p], done);
    }
  }

  /**
   * Load data returns over a 512-bit path shared by the SM (§5.4): a later load whose transfer
   * would overlap an earlier one waits for it.
   */
  private void writeBack(Warp w, DecodedInstruction in, int mask, long done) {
    int bits = Integer.bitCount(mask) * in.accessBytes * 8;
    int transfer = Math.max(1, (bits + settings.loadReturnBits - 1) / settings.loadReturnBits);
    if (returnPathFree > done - transfer) {
      done = returnPathFree + transfer;
    }
    returnPathFree = done;
    sm.loadWriteBack(w, in, done);
    sm.instructionDone(w, done);
  }

  private void copyLanded(Warp w, DecodedInstruction in, int group, long done) {
    sm.releaseWrite(w, in, done);
    sm.instructionDone(w, done);
    sm.asyncCopyLanded(w, group, done);
  }

  /** Takes the replies due by {@code now}; returns true when there was one. */
  boolean receive(long now) {
    boolean any = false;
    while (replies.nextReady() <= now) {
      long tag = replies.peekTag();
      long ready = replies.nextReady();
      replies.pop();
      any = true;
      if (tag >= 0) {
        filled((int) tag, ready);
      } else if (tag <= -2) {
        int p = (int) (-2 - tag);
        pendingReady[p] = Math.max(pendingReady[p], ready + timing.raw(pendingInstruction[p])
            - timing.war(pendingInstruction[p]) - tagCycles);
        if (--pendingOutstanding[p] == 0) {
          complete(p);
        }
      }
    }
    return any;
  }

  /** A reply for MSHR entry {@code e} reached the SM at {@code ready}. */
  private void filled(int e, long ready) {
    if (!mshrs.answered(e)) {
      return;
    }
    if (mshrs.allocates(e)) {
      l1.fill(mshrs.line(e), mshrs.requestedSectors(e));
    }
    for (int i = 0; i < mshrs.waiterCount(e); i++) {
      int p = mshrs.waiter(e, i);
      DecodedInstruction in = pendingInstruction[p];
      // The data then takes the rest of the hit path: from the tag check to the registers.
      long data = ready + timing.raw(in) - timing.war(in) - tagCycles;
      pendingReady[p] = Math.max(pendingReady[p], data);
      if (--pendingOutstanding[p] == 0) {
        complete(p);
      }
    }
    mshrs.release(e);
  }

  /** The earliest cycle something here may move, or Long.MAX_VALUE. */
  long nextChange(long now) {
    long next = replies.nextReady();
    for (int s = 0; s < count.length; s++) {
      if (count[s] > 0) {
        next = Math.min(next, Math.max(Math.max(earliest[s][head[s]], addressFree[s]), intakeFree));
      }
    }
    return next <= now ? now + 1 : next;
  }
}
