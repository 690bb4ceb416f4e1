package io.sassim.sim.core;

import io.sassim.isa.arch.UnitClass;
import io.sassim.sim.frontend.L0InstructionCache;

/**
 * One of the SM's four processing blocks (paper §5): fetch into per-warp instruction buffers,
 * the issue scheduler, the Control and Allocate stages, the two-bank register file with its
 * reuse cache, and the input latches of the execution units. {@link #cycle} runs the stages in
 * reverse pipeline order, so each consumes what the previous cycle produced.
 */
final class SubCore {

  private static final int UNITS = UnitClass.values().length;
  private static final int INT_LATCH = UnitClass.INT.ordinal();

  final int index;
  private final StreamingMultiprocessor sm;
  private final CoreSettings settings;
  private final IssueScheduler scheduler;
  private final boolean fp32InIntPipe;
  final L0InstructionCache instructionCache;
  final SubCoreCounters counters = new SubCoreCounters();

  /** Resident warps, youngest first (the order CGGTY and fetch walk). */
  final Warp[] warps;
  int warpCount;
  private Warp lastIssued;
  private Warp lastFetched;

  /** Control stage latch: the instruction issued last cycle. */
  private Warp controlWarp;
  private DecodedInstruction controlInstruction;
  private int controlTraceIndex;
  private long controlIssueCycle;
  /** Allocate stage latch. */
  private Warp allocateWarp;
  private DecodedInstruction allocateInstruction;

  /** First issue cycle each unit's input latch is free (issue-time coordinates). */
  private final long[] latchFree = new long[UNITS];
  private long issuePortFree;
  /** Variable-latency dispatch registers: first cycle each can take an instruction. */
  private long sfuFree;
  private long miscQueueFree;
  private long fp64Free;
  /** Result-queue entries held: from issue until the result's write (paper §5.3). */
  private int resultQueueUsed;
  /**
   * Write cycles of the held entries whose write is booked, unordered; an entry is given back
   * lazily, when the queue looks full, instead of by an event per result.
   */
  private final long[] resultQueueFreeAt;
  private int resultQueueBooked;
  int memoryQueueUsed;

  final BankReadPorts readPorts;
  final PortCalendar writePorts;
  private final RegisterFileCache registerCache;
  private final int[] bankNeeds;
  private final int[] distinct = new int[64];

  StallReason lastReason = StallReason.NO_WARP;

  SubCore(int index, StreamingMultiprocessor sm, CoreSettings settings, IssueScheduler scheduler,
      L0InstructionCache instructionCache, int readPortsPerBank, int writePortsPerBank,
      int cacheSlots, boolean cachePerWarp) {
    this.index = index;
    this.sm = sm;
    this.settings = settings;
    this.scheduler = scheduler;
    this.fp32InIntPipe = settings.fp32InIntPipe;
    this.instructionCache = instructionCache;
    this.warps = new Warp[Math.min(32, (settings.maxWarps + settings.subcores - 1) / settings.subcores)];
    this.readPorts = new BankReadPorts(settings.banks, readPortsPerBank);
    this.writePorts = new PortCalendar(settings.banks, writePortsPerBank);
    this.registerCache = new RegisterFileCache(settings.banks, cacheSlots,
        cachePerWarp ? settings.maxWarps : 1);
    this.bankNeeds = new int[settings.banks];
    this.resultQueueFreeAt = new long[settings.resultQueueEntries];
  }

  /** Adds a started warp as the youngest. */
  void addWarp(Warp w) {
    System.arraycopy(warps, 0, warps, 1, warpCount);
    warps[0] = w;
    warpCount++;
  }

  void removeWarp(Warp w) {
    for (int i = 0; i < warpCount; i++) {
      if (warps[i] == w) {
        System.arraycopy(warps, i + 1, warps, i, warpCount - i - 1);
        warpCount--;
        warps[warpCount] = null;
        break;
      }
    }
    if (lastIssued == w) {
      lastIssued = null;
    }
    if (lastFetched == w) {
      lastFetched = null;
    }
  }

  /** The sub-core does nothing before this cycle unless {@link #wake} is called. */
  private long asleepUntil;
  /** Stall cycles are recorded for every cycle before this one. */
  private long accountedUntil;

  /**
   * One cycle of this sub-core. Returns true when anything moved. A sub-core in which nothing
   * moved sleeps until the next cycle at which its state can change by itself; events that
   * change it earlier (counter releases, queue frees, new warps) wake it.
   */
  boolean cycle(long now, boolean alwaysTick) {
    if (now < asleepUntil) {
      return false;
    }
    account(now);
    boolean progress = allocateStage(now);
    progress |= controlStage(now);
    progress |= issueStage(now);
    progress |= fetchStage(now);
    instructionCache.prefetch(now);
    progress |= instructionCache.prefetchPending();
    accountedUntil = now + 1;
    asleepUntil = progress || alwaysTick ? now + 1 : nextTimedChange(now);
    return progress;
  }

  /** Makes the sub-core run again from {@code cycle}. */
  void wake(long cycle) {
    if (asleepUntil > cycle) {
      asleepUntil = cycle;
    }
  }

  /** When it next runs by itself, or Long.MAX_VALUE when only an event can wake it. */
  long asleepUntil() {
    return asleepUntil;
  }

  /** Counts the cycles slept through as stalls for the reason the sub-core had when it slept. */
  void account(long cycle) {
    if (cycle > accountedUntil) {
      counters.stallCycles[lastReason.ordinal()] += cycle - accountedUntil;
      accountedUntil = cycle;
    }
  }

  /**
   * Accounts every cycle before the kernel's end, {@code endCycle}, and none after it. A
   * sub-core may have run past the end inside the last window; every warp had retired by then,
   * so those cycles were counted as having none, and are taken back.
   */
  void finishAccounting(long endCycle) {
    account(endCycle);
    if (accountedUntil > endCycle) {
      counters.stallCycles[StallReason.NO_WARP.ordinal()] -= accountedUntil - endCycle;
      accountedUntil = endCycle;
    }
  }

  void beginAccounting(long cycle) {
    accountedUntil = cycle;
    asleepUntil = cycle;
    lastReason = StallReason.NO_WARP;
  }

  // --- Allocate (paper §5.3): reserve read ports for the 3-cycle read window ---------------------

  private boolean allocateStage(long now) {
    if (allocateWarp == null) {
      return false;
    }
    Warp w = allocateWarp;
    DecodedInstruction in = allocateInstruction;
    int window = in.wideRead ? settings.wideReadCycles : settings.readCycles;
    boolean useCache = settings.cacheEnabled && usesRegisterCache(in.unit);
    java.util.Arrays.fill(bankNeeds, 0);
    int[] regs = in.sourceRegisters;
    int distinctCount = 0;
    for (int i = 0; i < regs.length; i++) {
      int r = regs[i];
      if (useCache && registerCache.hits(w.slot, r, in.sourceSlots[i])) {
        continue;
      }
      boolean seen = false;
      for (int k = 0; k < distinctCount; k++) {
        if (distinct[k] == r) {
          seen = true;
          break;
        }
      }
      if (!seen && distinctCount < distinct.length) {
        distinct[distinctCount++] = r;
        bankNeeds[r % settings.banks]++;
      }
    }
    for (int b = 0; b < bankNeeds.length; b++) {
      if (bankNeeds[b] > 0 && readPorts.freeIn(b, now + 1, window) < bankNeeds[b]) {
        counters.bankConflictCycles++;
        return false;
      }
    }
    for (int b = 0; b < bankNeeds.length; b++) {
      if (bankNeeds[b] > 0) {
        readPorts.reserveEarliest(b, now + 1, bankNeeds[b]);
      }
    }
    counters.registerReads += distinctCount;
    counters.registerCacheHits += regs.length - distinctCount;
    if (useCache) {
      for (int i = 0; i < regs.length; i++) {
        registerCache.read(w.slot, regs[i], in.sourceSlots[i], (in.reuseMask & (1 << in.sourceSlots[i])) != 0);
      }
    }
    allocateWarp = null;
    allocateInstruction = null;
    long readDone = now + window;
    long complete = readDone + in.latency;
    // Scoreboard mode: later instructions read and write in pipeline order, so a fixed-latency
    // reader cannot be overtaken once allocated.
    sm.releaseRead(w, in, settings.scoreboardMode ? now : readDone + 1);
    writeResult(in, complete);
    long written = settings.scoreboardMode ? now + in.latency : complete;
    if (in.asyncCopyBarrier && !settings.scoreboardMode) {
      // The counter LDGDEPBAR sets is released when its group of copies has landed.
      int g = w.groupsAllocated++ % Warp.COPY_GROUPS;
      if (w.copiesInFlight[g] > 0) {
        w.groupBarrier[g] = in;
      } else {
        sm.releaseWrite(w, in, Math.max(written, w.copiesLanded[g]));
      }
      w.copiesLanded[g] = 0;
    } else {
      sm.releaseWrite(w, in, written);
    }
    sm.instructionDone(w, complete);
    return true;
  }

  /** Only arithmetic classes may use the register-file cache (model-facts §4.3). */
  private static boolean usesRegisterCache(UnitClass unit) {
    return unit == UnitClass.INT || unit == UnitClass.FP32 || unit == UnitClass.HALF
        || unit == UnitClass.FP64 || unit == UnitClass.TENSOR;
  }

  /** Writes a fixed-latency result through the result queue and the banks' write ports. */
  private void writeResult(DecodedInstruction in, long complete) {
    int[] dst = in.destinationRegisters;
    if (dst.length == 0) {
      return;
    }
    long last = complete;
    for (int r : dst) {
      int bank = r % settings.banks;
      long c = writePorts.firstFree(bank, complete);
      writePorts.reserve(bank, c);
      last = Math.max(last, c);
    }
    resultQueueFreeAt[resultQueueBooked++] = last;
  }

  /** Whether every result-queue entry is held at {@code now}, giving back those written by then. */
  private boolean resultQueueFull(long now) {
    if (resultQueueUsed < settings.resultQueueEntries) {
      return false;
    }
    for (int i = 0; i < resultQueueBooked; ) {
      if (resultQueueFreeAt[i] <= now) {
        resultQueueFreeAt[i] = resultQueueFreeAt[--resultQueueBooked];
        resultQueueUsed--;
      } else {
        i++;
      }
    }
    return resultQueueUsed >= settings.resultQueueEntries;
  }

  // --- Control (paper §5.1.1): counters were set at issue; route to Allocate or a unit queue -----

  private boolean controlStage(long now) {
    if (controlWarp == null) {
      return false;
    }
    DecodedInstruction in = controlInstruction;
    Warp w = controlWarp;
    if (in.fixedLatency) {
      if (allocateWarp != null) {
        return false;
      }
      allocateWarp = w;
      allocateInstruction = in;
    } else if (!dispatchVariable(w, in, now)) {
      return false;
    }
    controlWarp = null;
    controlInstruction = null;
    return true;
  }

  /** Hands a variable-latency instruction to its unit; false when the unit cannot take it. */
  private boolean dispatchVariable(Warp w, DecodedInstruction in, long now) {
    switch (in.unit) {
      case MEMORY -> {
        sm.memory.enqueue(index, w, in, controlTraceIndex, controlIssueCycle);
        return true;
      }
      case SFU -> {
        if (sfuFree > now) {
          return false;
        }
        sfuFree = now + in.initiationInterval;
        finishVariable(w, in, now);
        return true;
      }
      case FP64 -> {
        if (settings.fp64Shared) {
          if (!sm.takeSharedFp64(now, in.initiationInterval)) {
            return false;
          }
        } else {
          if (fp64Free > now) {
            return false;
          }
          fp64Free = now + in.initiationInterval;
        }
        finishVariable(w, in, now);
        return true;
      }
      default -> {
        if (miscQueueFree > now) {
          return false;
        }
        miscQueueFree = now + in.initiationInterval;
        finishVariable(w, in, now);
        return true;
      }
    }
  }

  /**
   * A non-memory variable-latency instruction entered its unit at {@code start}: sources are read
   * when it leaves the dispatch register after its initiation interval, the result follows
   * after the unit latency (model-facts §5.3).
   */
  private void finishVariable(Warp w, DecodedInstruction in, long start) {
    long read = start + in.initiationInterval;
    sm.releaseRead(w, in, read);
    sm.releaseWrite(w, in, read + in.latency);
    sm.instructionDone(w, read + in.latency);
  }

  // --- Issue (paper §5.1): one instruction per cycle, chosen by the scheduler --------------------

  private boolean issueStage(long now) {
    if (warpCount == 0) {
      lastReason = StallReason.NO_WARP;
      counters.stallCycles[StallReason.NO_WARP.ordinal()]++;
      return false;
    }
    StallReason blocked = null;
    if (controlWarp != null) {
      blocked = allocateWarp != null && controlInstruction.fixedLatency
          ? StallReason.REGISTER_BANK : StallReason.UNIT_QUEUE;
    } else if (issuePortFree > now) {
      blocked = StallReason.ISSUE_PORT;
    }
    if (blocked != null) {
      lastReason = blocked;
      counters.stallCycles[blocked.ordinal()]++;
      return false;
    }
    int readyMask = 0;
    int best = 0;
    int lastIndex = -1;
    for (int i = 0; i < warpCount; i++) {
      Warp w = warps[i];
      if (w == lastIssued) {
        lastIndex = i;
      }
      int reason = readiness(w, now);
      if (reason == READY) {
        readyMask |= 1 << i;
      } else if (reason > best) {
        best = reason;
      }
    }
    if (readyMask == 0) {
      StallReason r = StallReason.VALUES[best];
      lastReason = r;
      counters.stallCycles[r.ordinal()]++;
      return false;
    }
    int pick = scheduler.select(readyMask, warpCount, lastIndex);
    issue(warps[pick], now);
    return true;
  }

  private static final int READY = Integer.MAX_VALUE;
  private static final int DEPBAR_EFFECT_CYCLES = 4;

  /** READY, or the ordinal of the {@link StallReason} that holds {@code w}. */
  private int readiness(Warp w, long now) {
    if (w.doneIssuing) {
      return StallReason.DRAINING.ordinal();
    }
    if (w.atBarrier) {
      return StallReason.BARRIER.ordinal();
    }
    if (w.buffered() == 0 || w.nextReady() > now) {
      return StallReason.FETCH.ordinal();
    }
    DecodedInstruction in = w.next();
    if (!settings.scoreboardMode) {
      w.applyIncrements(now);
      if (w.yieldBlocks == now) {
        return StallReason.YIELD.ordinal();
      }
      if (w.stallUntil > now) {
        return StallReason.STALL_COUNTER.ordinal();
      }
      int mask = in.waitMask;
      while (mask != 0) {
        int sb = Integer.numberOfTrailingZeros(mask);
        if (w.counters[sb] != 0) {
          return StallReason.DEPENDENCE.ordinal();
        }
        mask &= mask - 1;
      }
      if (w.depbarFrom <= now) {
        if (w.counters[w.depbarCounter] > w.depbarThreshold) {
          return StallReason.DEPENDENCE.ordinal();
        }
        w.depbarFrom = Long.MAX_VALUE;
      }
    } else {
      if (w.stallUntil > now) {
        return StallReason.STALL_COUNTER.ordinal();
      }
      if (scoreboardBlocks(w, in)) {
        return StallReason.DEPENDENCE.ordinal();
      }
    }
    if (in.fixedLatency) {
      if (latchFor(in, now) < 0) {
        return StallReason.EXECUTION_UNIT.ordinal();
      }
      if (in.writesRegister && resultQueueFull(now)) {
        return StallReason.RESULT_QUEUE.ordinal();
      }
    } else if (in.unit == UnitClass.MEMORY && memoryQueueUsed >= settings.memoryQueueSlots) {
      return StallReason.MEMORY_QUEUE.ordinal();
    }
    return READY;
  }

  private boolean scoreboardBlocks(Warp w, DecodedInstruction in) {
    for (int id : in.sourceIds) {
      if (w.pendingWrite[id]) {
        return true;
      }
      int max = settings.scoreboardMaxConsumers;
      if (max > 0 && w.pendingReads[id] >= max) {
        return true;
      }
    }
    for (int id : in.destinationIds) {
      if (w.pendingWrite[id] || w.pendingReads[id] > 0) {
        return true;
      }
    }
    return false;
  }

  /** The unit latch a fixed-latency instruction would use now, or -1 when none is free. */
  private int latchFor(DecodedInstruction in, long now) {
    int u = in.unitIndex;
    if (latchFree[u] <= now) {
      return u;
    }
    // Ampere and later send FP32 work to the INT pipe when its latch is free (model-facts 5.1).
    if (in.mayUseIntPipe && fp32InIntPipe && latchFree[INT_LATCH] <= now) {
      return INT_LATCH;
    }
    return -1;
  }

  private void issue(Warp w, long now) {
    DecodedInstruction in = w.next();
    int traceIndex = w.issueIndex;
    // First, so that an execution-driven clock read sees this cycle and the entry's mask is set.
    w.trace.issued(traceIndex, now);
    w.advanceIssue();
    // Held until the instruction completes, so a warp (and its block and kernel) ends only when
    // its last instruction has.
    w.pending++;
    lastIssued = w;
    counters.warpInstructions++;
    if (in.fixedLatency) {
      int latch = latchFor(in, now);
      latchFree[latch] = now + in.initiationInterval;
      if (in.writesRegister) {
        resultQueueUsed++;
      }
    } else if (in.unit == UnitClass.MEMORY) {
      memoryQueueUsed++;
      if (in.memoryKind == MemoryKind.ASYNC_COPY) {
        w.copiesInFlight[w.groupsClosed % Warp.COPY_GROUPS]++;
      }
    }
    if (in.asyncCopyBarrier) {
      w.groupsClosed++;
    }
    if (in.imad && settings.imadPortBusy > 0) {
      issuePortFree = now + 1 + settings.imadPortBusy;
    }
    if (settings.scoreboardMode) {
      w.stallUntil = now + 1;
      sm.scoreboardIssue(w, in);
    } else {
      w.stallUntil = now + settings.stallDistance(in.stall, in.yield);
      if (in.yield) {
        w.yieldBlocks = now + 1;
      }
      sm.counterIssue(w, in, now);
      if (in.depbar) {
        // DEPBAR.LE acts once it executes: it holds what issues from 4 cycles on, which is why
        // the compiler gives it a stall of at least 4 (paper §4).
        w.depbarFrom = now + DEPBAR_EFFECT_CYCLES;
        w.depbarCounter = in.depbarCounter;
        w.depbarThreshold = in.depbarThreshold;
      }
    }
    controlWarp = w;
    controlInstruction = in;
    controlTraceIndex = traceIndex;
    controlIssueCycle = now;
    if (redirects(w, traceIndex, in)) {
      // Fetch stopped at this taken branch; it restarts at the target next cycle.
      w.fetchAllowedFrom = now + 1;
    }
    sm.onIssue(this, w, in, traceIndex, now);
  }

  /**
   * Whether the stream continues anywhere but the next instruction after {@code traceIndex},
   * which holds {@code in}. An entry that is not there yet (its warp waits at a barrier in the
   * emulator) counts as no redirect.
   */
  private static boolean redirects(Warp w, int traceIndex, DecodedInstruction in) {
    int next = traceIndex + 1;
    if (!w.trace.available(next)) {
      return false;
    }
    return w.at(next).pc != in.pc + 16;
  }

  // --- Fetch (paper §5.2): one instruction per cycle, greedy warp first, then youngest ----------

  private boolean fetchStage(long now) {
    // Fetch follows the issue policy's preference (greedy warp, then youngest for CGGTY): the
    // paper's assumed fetch policy (§5.2).
    int fetchable = 0;
    int lastIndex = -1;
    Warp greedy = lastIssued != null ? lastIssued : lastFetched;
    for (int i = 0; i < warpCount; i++) {
      if (warps[i] == greedy) {
        lastIndex = i;
      }
      if (canFetch(warps[i], now)) {
        fetchable |= 1 << i;
      }
    }
    if (fetchable == 0) {
      return false;
    }
    Warp pick = warps[scheduler.select(fetchable, warpCount, lastIndex)];
    DecodedInstruction fetched = pick.at(pick.fetchIndex);
    long ready = instructionCache.fetch(fetched.pc, now);
    if (ready < 0) {
      return true;
    }
    counters.fetches++;
    lastFetched = pick;
    // Fetched at 'ready', decoded the next cycle, issuable the cycle after.
    pick.buffer(fetched, ready + 2);
    return true;
  }

  private boolean canFetch(Warp w, long now) {
    if (w.buffered() >= w.bufferReady.length || !w.trace.available(w.fetchIndex)
        || w.fetchAllowedFrom > now) {
      return false;
    }
    // Do not run past a taken branch: the warp's buffer would be flushed when it issues.
    return w.fetchIndex == 0 || w.fetchIndex == w.issueIndex || !redirects(w, w.fetchIndex - 1, w.newest());
  }

  /** The earliest future cycle at which a warp's readiness can change without an event. */
  long nextTimedChange(long now) {
    long next = Long.MAX_VALUE;
    if (controlWarp != null || allocateWarp != null) {
      return now + 1;
    }
    if (issuePortFree > now) {
      next = Math.min(next, issuePortFree);
    }
    if (resultQueueUsed >= settings.resultQueueEntries) {
      // Full, as far as the queue knows: the next booked write frees an entry.
      for (int i = 0; i < resultQueueBooked; i++) {
        if (resultQueueFreeAt[i] > now) {
          next = Math.min(next, resultQueueFreeAt[i]);
        }
      }
    }
    for (int i = 0; i < warpCount; i++) {
      Warp w = warps[i];
      if (w.doneIssuing || w.atBarrier) {
        continue;
      }
      if (w.depbarFrom > now && w.depbarFrom != Long.MAX_VALUE) {
        next = Math.min(next, w.depbarFrom);
      }
      // Not asking the stream whether the next entry exists: an execution-driven stream would
      // run the emulator to find out, and when it runs must not depend on when this sub-core
      // sleeps. A needless wake-up costs a cycle and changes nothing.
      if (w.fetchAllowedFrom > now) {
        next = Math.min(next, w.fetchAllowedFrom);
      }
      if (w.buffered() == 0) {
        continue;
      }
      long ready = w.nextReady();
      if (ready > now) {
        next = Math.min(next, ready);
        continue;
      }
      if (w.stallUntil > now) {
        next = Math.min(next, w.stallUntil);
      }
      if (w.yieldBlocks >= now) {
        next = Math.min(next, w.yieldBlocks + 1);
      }
      DecodedInstruction in = w.next();
      if (in.fixedLatency) {
        long free = latchFree[in.unitIndex];
        if (free > now) {
          next = Math.min(next, free);
        }
      }
    }
    return next;
  }

  /** Writes a stuck warp's state for the watchdog. */
  String describe(Warp w, long now) {
    StringBuilder sb = new StringBuilder();
    sb.append(w).append(" (SM ").append(sm.index).append(", sub-core ").append(index).append("): ");
    if (w.doneIssuing) {
      return sb.append("finished issuing; ").append(w.pending).append(" releases outstanding").toString();
    }
    if (w.buffered() == 0) {
      return sb.append("instruction buffer empty at stream position ").append(w.fetchIndex).toString();
    }
    DecodedInstruction in = w.next();
    sb.append(String.format("at PC 0x%04x %s: ", in.pc, in.text));
    int r = readiness(w, now);
    sb.append(r == READY ? "ready" : StallReason.VALUES[r].description());
    if (r == StallReason.DEPENDENCE.ordinal() && settings.scoreboardMode) {
      sb.append(" (pending:");
      for (int id : in.sourceIds) {
        if (w.pendingWrite[id]) {
          sb.append(' ').append(registerName(id)).append(" written");
        }
      }
      for (int id : in.destinationIds) {
        if (w.pendingWrite[id] || w.pendingReads[id] > 0) {
          sb.append(' ').append(registerName(id)).append(w.pendingWrite[id] ? " written" : " read");
        }
      }
      sb.append(')');
    } else if (r == StallReason.DEPENDENCE.ordinal()) {
      sb.append(" (counters SB0-SB5 = ").append(java.util.Arrays.toString(w.counters))
          .append(", wait mask 0x").append(Integer.toHexString(in.waitMask)).append(')');
    }
    if (w.atBarrier) {
      sb.append(" (").append(w.block.arrivedAtBarrier).append(" of ").append(w.block.liveWarps)
          .append(" live warps arrived)");
    }
    return sb.toString();
  }

  private static String registerName(int id) {
    if (id >= DecodedInstruction.UNIFORM_PREDICATE_BASE) {
      return "UP" + (id - DecodedInstruction.UNIFORM_PREDICATE_BASE);
    }
    if (id >= DecodedInstruction.PREDICATE_BASE) {
      return "P" + (id - DecodedInstruction.PREDICATE_BASE);
    }
    if (id >= DecodedInstruction.UNIFORM_BASE) {
      return "UR" + (id - DecodedInstruction.UNIFORM_BASE);
    }
    return "R" + id;
  }
}
