package io.sassim.sim.core;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.engine.ClockDomain;
import io.sassim.sim.engine.TickingComponent;
import io.sassim.sim.frontend.L0InstructionCache;
import io.sassim.sim.frontend.L1InstructionCache;
import io.sassim.sim.l1.ConstantCache;
import io.sassim.sim.l1.L1DataCache;
import io.sassim.sim.memory.MemoryReplyQueue;
import io.sassim.sim.memory.MemoryRequestQueue;
import io.sassim.traces.model.CtaTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * An SM (paper §5, model-facts §8.3): four sub-cores, the warp slots (warp w on sub-core w mod
 * 4), the shared L1 instruction cache, the memory pipeline's shared intake, the SM-shared FP64
 * pipe where the chip has one, block barriers, and the dependence-counter updates that the
 * paper's Control stage performs. Ticks while it has work and sleeps until its next timed change
 * otherwise.
 */
public final class StreamingMultiprocessor extends TickingComponent {

  private static final int COUNTER_DEC = 1;
  private static final int LOAD_WRITE_BACK = 2;
  private static final int READ_DONE = 4;
  private static final int WRITE_DONE = 5;
  private static final int RETIRE_CHECK = 6;
  private static final int COPY_LANDED = 7;

  final int index;
  private final CoreSettings settings;
  private final SubCore[] subcores;
  private final Warp[] warps;
  final MemoryPipeline memory;
  private final L1InstructionCache l1Instruction;
  private final EventQueue events = new EventQueue();
  /** Last cycle a warp instruction issued here (the watchdog's view of progress). */
  private long lastIssue = -1;
  /** First cycle an instruction issued since the GPU last collected, or -1. */
  private long firstIssue = -1;
  /** Cycles at which blocks finished since the GPU last collected them. */
  private long[] finishedBlocks = new long[8];
  private int finishedCount;
  private final boolean alwaysTick;
  private IssueHook hook;
  private long nextAge;
  private long sharedFp64Free;
  private boolean retireCheck;
  private int residentWarps;
  /** Whether this cycle's events have been taken: an event due now would wait a cycle. */
  private boolean eventsTaken;
  /** The cycle being ticked (streams that wake a warp do so from inside it). */
  private long now;

  /**
   * @param alwaysTick tick every cycle instead of sleeping through idle stretches; gives the
   *     same results, slower (used to test that sleeping changes nothing)
   */
  public StreamingMultiprocessor(int index, GpuConfig config, ClockDomain clock,
      boolean scoreboardMode, boolean alwaysTick) {
    this(index, config, clock, scoreboardMode, alwaysTick, 0);
  }

  /**
   * @param carveoutBytes shared memory the kernel's resident blocks need; the L1 data cache
   *     gets what the carveout leaves
   */
  public StreamingMultiprocessor(int index, GpuConfig config, ClockDomain clock,
      boolean scoreboardMode, boolean alwaysTick, int carveoutBytes) {
    super("sm" + index, clock, index);
    this.index = index;
    this.settings = new CoreSettings(config, scoreboardMode);
    this.alwaysTick = alwaysTick;
    this.l1Instruction = new L1InstructionCache(config.frontEnd());
    this.subcores = new SubCore[settings.subcores];
    for (int s = 0; s < subcores.length; s++) {
      subcores[s] = new SubCore(s, this, settings, IssueScheduler.named(config.issue().scheduler()),
          new L0InstructionCache(config.frontEnd(), l1Instruction),
          config.registerFile().readPortsPerBank(), config.registerFile().writePortsPerBank(),
          config.registerFile().cacheSlots(), config.registerFile().cachePerWarp());
    }
    this.warps = new Warp[settings.maxWarps];
    for (int w = 0; w < warps.length; w++) {
      Warp warp = new Warp(w, w % settings.subcores, settings.bufferEntries, scoreboardMode);
      SubCore home = subcores[warp.subcore];
      // From inside this SM's cycle: the sub-core may have run already, so look again next cycle.
      warp.wake = () -> home.wake(now + 1);
      warps[w] = warp;
    }
    this.memory = new MemoryPipeline(this, settings, new MemoryTiming(config.memory()), config,
        carveoutBytes);
  }

  public int index() {
    return index;
  }

  /** Last cycle an instruction issued on this SM, or -1. */
  public long lastIssue() {
    return lastIssue;
  }

  /** Blocks finished since {@link #clearFinishedBlocks}. */
  public int finishedBlockCount() {
    return finishedCount;
  }

  /** The cycle the i-th of those blocks finished. */
  public long finishedBlockCycle(int i) {
    return finishedBlocks[i];
  }

  /** First cycle an instruction issued since {@link #clearFinishedBlocks}, or -1. */
  public long firstIssue() {
    return firstIssue;
  }

  /** Forgets the finished blocks and the first issue, once the GPU has collected them. */
  public void clearFinishedBlocks() {
    finishedCount = 0;
    firstIssue = -1;
  }

  public void setHook(IssueHook hook) {
    this.hook = hook;
  }

  SubCore subcore(int s) {
    return subcores[s];
  }

  public SubCoreCounters counters(int subcore) {
    return subcores[subcore].counters;
  }

  public L0InstructionCache instructionCache(int subcore) {
    return subcores[subcore].instructionCache;
  }

  public L1InstructionCache l1InstructionCache() {
    return l1Instruction;
  }

  /** The line requests this SM's L1 sent below during the current window. */
  public MemoryRequestQueue requestQueue() {
    return memory.requests;
  }

  /** Replies from below, waiting for their cycle. */
  public MemoryReplyQueue replyQueue() {
    return memory.replies;
  }

  public L1DataCache l1DataCache() {
    return memory.l1;
  }

  public ConstantCache constantCache() {
    return memory.constants;
  }

  /** Shared-memory accesses, their wavefronts, and the wavefronts beyond the conflict-free ones. */
  public long[] sharedMemoryCounts() {
    return new long[] {memory.sharedAccesses(), memory.sharedWavefronts(), memory.bankConflictCycles()};
  }

  /**
   * Starts a thread block at {@code cycle}. The caller has checked the occupancy limits.
   *
   * @param streams the block's warps
   * @param program the kernel's decoded instructions, indexed by instruction id
   */
  public void startBlock(WarpStream[] streams, long linearId, DecodedInstruction[] program,
      long cycle) {
    BlockState block = new BlockState(linearId, streams.length);
    now = cycle;
    int next = 0;
    for (WarpStream stream : streams) {
      while (warps[next].active) {
        next++;
      }
      Warp w = warps[next];
      w.start(block, stream.warpInCta(), stream, program, nextAge++, cycle);
      residentWarps++;
      subcores[w.subcore].addWarp(w);
      subcores[w.subcore].wake(cycle);
      if (w.doneIssuing) {
        block.liveWarps--;
        retireCheck = true;
      }
    }
  }

  // --- The cycle ---------------------------------------------------------------------------------

  @Override
  protected boolean tick(long cycle) {
    now = cycle;
    eventsTaken = false;
    // Replies first (they free MSHRs), then the memory intake: what leaves it this cycle
    // releases its counters this cycle.
    boolean progress = memory.receive(cycle);
    progress |= memory.cycle(cycle);
    progress |= processEvents(cycle);
    eventsTaken = true;
    // Rotate which sub-core goes first, so none always wins the shared L1 port.
    int turn = (int) (cycle % subcores.length);
    for (int k = 0; k < subcores.length; k++) {
      progress |= subcores[turn].cycle(cycle, alwaysTick);
      if (++turn == subcores.length) {
        turn = 0;
      }
    }
    boolean retired = false;
    if (retireCheck) {
      retired = retireWarps(cycle);
      progress = true;
    }
    if (residentWarps == 0 && events.isEmpty()) {
      // Nothing left to do here, but a sub-core that just lost its last warp runs one more
      // cycle: it must see the warp gone, or the cycles to the kernel's end would be counted
      // against the reason it had before (draining).
      return retired;
    }
    if (progress || alwaysTick) {
      return true;
    }
    long next = events.isEmpty() ? Long.MAX_VALUE : events.nextCycle();
    next = Math.min(next, memory.replies.nextReady());
    if (!memory.isEmpty()) {
      next = Math.min(next, memory.nextChange(cycle));
    }
    for (SubCore s : subcores) {
      next = Math.min(next, s.asleepUntil());
    }
    if (next != Long.MAX_VALUE) {
      sleepUntil(next);
    }
    return false;
  }

  /** Brings the stall accounting up to {@code endCycle} (exclusive) when a kernel ends. */
  public void finishAccounting(long endCycle) {
    for (SubCore s : subcores) {
      s.finishAccounting(endCycle);
    }
  }

  /** Starts stall accounting at {@code startCycle}. */
  public void beginAccounting(long startCycle) {
    for (SubCore s : subcores) {
      s.beginAccounting(startCycle);
    }
  }

  private boolean processEvents(long cycle) {
    boolean any = false;
    while (!events.isEmpty() && events.nextCycle() <= cycle) {
      int kind = events.topKind();
      int target = events.topTarget();
      int arg = events.topArg();
      events.pop();
      any = true;
      // An event wakes its sub-core only when it can change what the sub-core would decide:
      // which warp is ready, or the reason none is. A sleeping sub-core has no ready warp, and
      // re-running it for an event that changes neither costs a cycle and decides nothing new.
      switch (kind) {
        case RETIRE_CHECK -> {
          if (warps[target].finished(cycle)) {
            retireCheck = true;
          }
        }
        default -> {
          subcores[warps[target].subcore].wake(cycle);
          applyReleasingEvent(kind, warps[target], arg, cycle);
        }
      }
    }
    return any;
  }

  /** The events that free a warp to issue: counter decrements, write-backs, landed copies. */
  private void applyReleasingEvent(int kind, Warp w, int arg, long cycle) {
    switch (kind) {
      case COUNTER_DEC -> {
        w.counters[arg]--;
        released(w);
      }
      case LOAD_WRITE_BACK -> loadWriteBackNow(w, arg, cycle);
      case READ_DONE -> {
        w.pendingReads[arg]--;
        released(w);
      }
      case WRITE_DONE -> {
        w.pendingWrite[arg] = false;
        released(w);
      }
      case COPY_LANDED -> copyLandedNow(w, arg, cycle);
      default -> throw new IllegalStateException("event kind " + kind);
    }
  }

  private void released(Warp w) {
    w.pending--;
    if (w.pending == 0 && w.doneIssuing) {
      retireWhenComplete(w);
    }
  }

  /**
   * {@code w} has issued everything and nothing but instruction completions is outstanding: it
   * retires in this cycle's retire step if they are all past, else at the last of them.
   */
  private void retireWhenComplete(Warp w) {
    if (w.completeBy <= now) {
      retireCheck = true;
    } else {
      events.add(w.completeBy, RETIRE_CHECK, w.slot, 0);
    }
  }

  // --- Dependence counters (paper §4, model-facts §1.3) ----------------------------------------

  /** Issue of {@code in}: its counters are incremented in Control and visible two cycles later. */
  void counterIssue(Warp w, DecodedInstruction in, long now) {
    // No event and no wake-up: the issuing sub-core runs again two cycles later anyway (its
    // Control and Allocate stages hold this instruction until then), and reads the counters
    // only through Warp#applyIncrements.
    if (in.writeBarrier >= 0) {
      w.incrementFrom(now + 2, in.writeBarrier);
      w.pending++;
    }
    if (in.readBarrier >= 0) {
      w.incrementFrom(now + 2, in.readBarrier);
      w.pending++;
    }
  }

  /** Scoreboard mode: mark destinations written and sources read until their releases. */
  void scoreboardIssue(Warp w, DecodedInstruction in) {
    for (int id : in.destinationIds) {
      w.pendingWrite[id] = true;
    }
    for (int id : in.sourceIds) {
      w.pendingReads[id]++;
    }
    w.pending += in.destinationIds.length + in.sourceIds.length;
  }

  /** The sources of {@code in} are read: release its read counter from {@code cycle} on. */
  void releaseRead(Warp w, DecodedInstruction in, long cycle) {
    if (settings.scoreboardMode) {
      for (int id : in.sourceIds) {
        events.add(cycle, READ_DONE, w.slot, id);
      }
    } else if (in.readBarrier >= 0) {
      events.add(Math.max(cycle, 0), COUNTER_DEC, w.slot, in.readBarrier);
    }
  }

  /** The result of {@code in} is written: release its write counter from {@code cycle} on. */
  void releaseWrite(Warp w, DecodedInstruction in, long cycle) {
    if (settings.scoreboardMode) {
      for (int id : in.destinationIds) {
        events.add(cycle, WRITE_DONE, w.slot, id);
      }
    } else if (in.writeBarrier >= 0) {
      events.add(cycle, COUNTER_DEC, w.slot, in.writeBarrier);
    }
  }

  /**
   * A load's data reaches the register file at {@code cycle}; in the same cycle a fixed-latency
   * result has the write port first and the load waits (paper §5.3).
   */
  void loadWriteBack(Warp w, DecodedInstruction in, long cycle) {
    if (settings.scoreboardMode) {
      releaseWrite(w, in, cycle);
      return;
    }
    int banks = 0;
    for (int r : in.destinationRegisters) {
      banks |= 1 << (r % settings.banks);
    }
    w.pending++;
    events.add(cycle, LOAD_WRITE_BACK, w.slot, (in.writeBarrier < 0 ? 7 : in.writeBarrier) | banks << 3);
    if (in.writeBarrier >= 0) {
      // The counter is released by the write-back event, not by a separate decrement.
      w.pending--;
    }
  }

  private void loadWriteBackNow(Warp w, int arg, long cycle) {
    int sb = arg & 7;
    int banks = arg >>> 3;
    SubCore s = subcores[w.subcore];
    for (int b = 0; b < settings.banks; b++) {
      if ((banks & (1 << b)) != 0 && s.writePorts.free(b, cycle) == 0) {
        events.add(cycle + 1, LOAD_WRITE_BACK, w.slot, arg);
        return;
      }
    }
    for (int b = 0; b < settings.banks; b++) {
      if ((banks & (1 << b)) != 0) {
        s.writePorts.reserve(b, cycle);
      }
    }
    if (sb != 7) {
      w.counters[sb]--;
    }
    released(w);
  }

  /** An LDGSTS of copy group {@code group} lands at {@code cycle}. */
  void asyncCopyLanded(Warp w, int group, long cycle) {
    w.pending++;
    events.add(cycle, COPY_LANDED, w.slot, group);
  }

  private void copyLandedNow(Warp w, int g, long cycle) {
    w.copiesInFlight[g]--;
    w.copiesLanded[g] = Math.max(w.copiesLanded[g], cycle);
    if (w.copiesInFlight[g] == 0 && w.groupBarrier[g] != null) {
      // The LDGDEPBAR closing this group already waits in Allocate's place: release it now.
      releaseWrite(w, w.groupBarrier[g], cycle);
      w.groupBarrier[g] = null;
      w.copiesLanded[g] = 0;
    }
    released(w);
  }

  /**
   * The instruction issued by {@code w} completes at {@code cycle}. Completions matter only for
   * when the warp may retire, so the warp keeps the latest of them instead of an event each. A
   * completion already past counts from when an event due now would be taken: this cycle
   * before the events are, the next one after.
   */
  void instructionDone(Warp w, long cycle) {
    long counted = cycle > now ? cycle : eventsTaken ? now + 1 : now;
    w.completeBy = Math.max(w.completeBy, counted);
    released(w);
  }

  /** The SM-wide FP64 pipe of GA10x/AD10x takes one instruction per initiation interval. */
  boolean takeSharedFp64(long now, int initiationInterval) {
    if (sharedFp64Free > now) {
      return false;
    }
    sharedFp64Free = now + initiationInterval;
    return true;
  }

  // --- Warp control: barriers, exit, reclaiming slots ------------------------------------------

  void onIssue(SubCore s, Warp w, DecodedInstruction in, int traceIndex, long now) {
    lastIssue = now;
    if (firstIssue < 0) {
      firstIssue = now;
    }
    if (hook != null) {
      hook.issued(now, index, s.index, w.block.linearId, w.warpInBlock, traceIndex, in);
    }
    if (in.barrierArrive) {
      BlockState b = w.block;
      if (in.barrierWait) {
        w.atBarrier = true;
        b.arrivedAtBarrier++;
      }
      releaseBarrierIfComplete(b, now);
    }
    if (w.trace.ended(w.issueIndex)) {
      w.doneIssuing = true;
      w.block.liveWarps--;
      releaseBarrierIfComplete(w.block, now);
      if (w.pending == 0) {
        retireWhenComplete(w);
      }
    }
  }

  private void releaseBarrierIfComplete(BlockState b, long releaseCycle) {
    if (b.arrivedAtBarrier > 0 && b.arrivedAtBarrier >= b.liveWarps) {
      b.arrivedAtBarrier = 0;
      for (Warp w : warps) {
        if (w.active && w.block == b) {
          w.atBarrier = false;
          subcores[w.subcore].wake(releaseCycle);
        }
      }
    }
  }

  /** Retires the warps that have finished; true when there was one. */
  private boolean retireWarps(long cycle) {
    retireCheck = false;
    boolean any = false;
    for (Warp w : warps) {
      if (w.active && w.finished(cycle) && countersClear(w, cycle)) {
        w.active = false;
        any = true;
        residentWarps--;
        // Thread instructions are summed over the warp's stream when it leaves, in one pass,
        // rather than a mask read per issue: the masks' lines are cold by the SM's next turn.
        subcores[w.subcore].counters.threadInstructions += w.issuedLanes();
        subcores[w.subcore].removeWarp(w);
        subcores[w.subcore].wake(cycle + 1);
        BlockState b = w.block;
        b.finishedWarps++;
        w.block = null;
        w.trace = null;
        if (b.finishedWarps == b.warpCount) {
          if (finishedCount == finishedBlocks.length) {
            finishedBlocks = java.util.Arrays.copyOf(finishedBlocks, finishedCount * 2);
          }
          finishedBlocks[finishedCount++] = cycle;
        }
      }
    }
    return any;
  }

  private static boolean countersClear(Warp w, long cycle) {
    w.applyIncrements(cycle);
    for (int c : w.counters) {
      if (c != 0) {
        return false;
      }
    }
    return true;
  }

  /** One line per resident warp: where it is and what it waits for (the watchdog's report). */
  public List<String> describeWarps(long cycle) {
    List<String> out = new ArrayList<>();
    for (Warp w : warps) {
      if (w.active) {
        out.add(subcores[w.subcore].describe(w, cycle));
      }
    }
    return out;
  }

}
