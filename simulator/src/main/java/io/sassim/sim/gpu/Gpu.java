package io.sassim.sim.gpu;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.arch.OpcodeTable;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.core.DecodedInstruction;
import io.sassim.sim.core.InstructionDecoder;
import io.sassim.sim.core.IssueHook;
import io.sassim.sim.core.StallReason;
import io.sassim.sim.core.StreamingMultiprocessor;
import io.sassim.sim.core.SubCoreCounters;
import io.sassim.sim.engine.ClockDomain;
import io.sassim.sim.engine.Engine;
import io.sassim.sim.frontend.L0InstructionCache;
import io.sassim.sim.l1.L1DataCache;
import io.sassim.sim.memory.LowerMemories;
import io.sassim.sim.memory.LowerMemory;
import io.sassim.sim.memory.MemoryReplyQueue;
import io.sassim.sim.memory.MemoryRequestQueue;
import io.sassim.sim.stats.KernelStats;
import io.sassim.sim.stats.Stat;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The simulated chip: SMs on a core clock, the thread-block scheduler and the watchdog. Kernels
 * run one after another, as a single stream orders them.
 *
 * <p>SMs run window by window ({@code windowCycles}): inside a window each SM runs through its
 * cycles on its own, since SMs share nothing in this model but the block scheduler; at the end
 * of a window the blocks that finished are replaced, in order of finish cycle and SM index, the
 * new ones starting no earlier than the window's end. A window of 1 is cycle-by-cycle lockstep;
 * larger windows run faster (the SM's state stays in the processor caches, and SMs can run on
 * several threads) at the cost of up to a window's delay before a finished block is replaced.
 * The results depend on the window, never on the number of threads.
 */
public final class Gpu {

  private final GpuConfig config;
  private final OpcodeTable opcodes;
  private final InstructionDecoder decoder;
  private final ClockDomain coreClock;
  private final ClockDomain memoryClock;
  private final boolean alwaysTick;
  private final LowerMemory lowerMemory;
  private int windowCycles;
  private ExecutorService threads;
  private IssueHook hook;
  private long totalCycles;

  /**
   * @param alwaysTick tick every SM every cycle (no sleeping); for tests that compare both
   */
  public Gpu(GpuConfig config, boolean alwaysTick) {
    this.config = config;
    Architecture arch = Architecture.parse(config.architecture());
    if (arch == null) {
      throw new IllegalArgumentException("unknown architecture " + config.architecture());
    }
    // A Hopper chip runs sm_90a code (wgmma, setmaxnreg) as well as sm_90 code, and the sm_90a
    // table is the sm_90 one plus those opcodes.
    this.opcodes = OpcodeTable.forArch(arch == Architecture.SM_90 ? Architecture.SM_90A : arch);
    this.decoder = new InstructionDecoder(opcodes, config.execution());
    this.coreClock = new ClockDomain("core", config.clocks().coreMhz());
    this.memoryClock = new ClockDomain("memory", config.clocks().memoryMhz());
    this.alwaysTick = alwaysTick;
    // One lower memory for the chip's life: what the L2 holds outlives a kernel.
    this.lowerMemory = LowerMemories.create(config);
    this.windowCycles = Math.min(8, lowerMemory.minimumLatency());
  }

  public Gpu(GpuConfig config) {
    this(config, false);
  }

  public GpuConfig config() {
    return config;
  }

  public ClockDomain coreClock() {
    return coreClock;
  }

  /** The memory clock domain; no component runs on it until the memory hierarchy exists. */
  public ClockDomain memoryClock() {
    return memoryClock;
  }

  /**
   * Cycles each SM runs on its own between block and memory exchanges (default 8, or the lower
   * memory's minimum latency if that is shorter; 1 = lockstep). A window longer than the lower
   * memory's minimum latency could deliver a reply after its cycle, so it is refused.
   */
  public void setWindowCycles(int cycles) {
    if (cycles < 1) {
      throw new IllegalArgumentException("window must be at least 1 cycle, got " + cycles);
    }
    if (cycles > lowerMemory.minimumLatency()) {
      throw new IllegalArgumentException("window must be at most the lower memory's minimum"
          + " latency (" + lowerMemory.minimumLatency() + " cycles on " + config.name()
          + "), got " + cycles);
    }
    this.windowCycles = cycles;
  }

  /**
   * Runs the SMs of each window on {@code pool} (null: on the calling thread). Statistics do not
   * depend on it. An issue hook must then be thread-safe.
   */
  public void setThreads(ExecutorService pool) {
    this.threads = pool;
  }

  /** Observes every issue of every following kernel; null removes it. */
  public void setHook(IssueHook hook) {
    this.hook = hook;
  }

  /** Cycles of all kernels run so far ({@code gpu_tot_sim_cycle}). */
  public long totalCycles() {
    return totalCycles;
  }

  /**
   * Simulates one kernel to completion.
   *
   * @param origin names the trace in error messages
   * @throws InputException for a malformed trace, an unknown opcode or a block that cannot fit
   * @throws SimulationStuckException when the watchdog trips
   */
  public KernelStats run(KernelTrace kernel, String origin)
      throws InputException, SimulationStuckException {
    return run(new TraceKernelSource(kernel), origin);
  }

  /**
   * Simulates one kernel from any source of warp streams; a source that is not {@link
   * KernelSource#threadSafe() thread-safe} runs on the calling thread whatever {@link
   * #setThreads} says (SMs still run window by window in index order, so results do not change).
   */
  public KernelStats run(KernelSource kernel, String origin)
      throws InputException, SimulationStuckException {
    return new KernelRun(kernel, origin).run();
  }

  /** One kernel's simulation: the block scheduler and the engine loop. */
  private final class KernelRun {

    private final KernelSource kernel;
    private final String origin;
    private final KernelLaunch launch;
    private final Occupancy occupancy;
    private final boolean scoreboard;
    private final Engine engine = new Engine();
    private final StreamingMultiprocessor[] sms;
    private final Watchdog watchdog;
    private final MemoryRequestQueue[] requestQueues;
    private final MemoryReplyQueue[] replyQueues;
    private final Map<String, Long> lowerAtStart = new java.util.LinkedHashMap<>();
    private DecodedInstruction[] program = new DecodedInstruction[0];
    private KernelSource.Block nextCta;
    private boolean noMoreCtas;
    private long blocksStarted;
    private long blocksFinished;
    private long lastFinish;
    private InputException failure;

    KernelRun(KernelSource kernel, String origin) throws InputException {
      this.kernel = kernel;
      this.origin = origin;
      this.launch = kernel.launch();
      this.occupancy = Occupancy.of(config.occupancy(), launch);
      if (occupancy.blocksPerSm() == 0) {
        throw new InputException(origin, 0, String.format(
            "kernel %s: one block (%d threads, %d registers/thread, %d bytes shared) does not fit"
                + " on an SM of %s (limited by %s)",
            launch.name(), launch.threadsPerCta(), launch.registersPerThread(),
            launch.sharedBytes(), config.name(), occupancy.limitedBy()));
      }
      // Readers learn whether instructions carry control bits as they parse, so look at the
      // first block before choosing the dependence mechanism.
      this.nextCta = kernel.nextBlock();
      this.noMoreCtas = nextCta == null;
      this.scoreboard = "scoreboard".equals(config.issue().dependence()) || !kernel.hasControlBits();
      // A fresh chip per kernel: its caches start cold, as the authors' model invalidates them at
      // kernel end.
      this.sms = new StreamingMultiprocessor[config.smCount()];
      this.requestQueues = new MemoryRequestQueue[sms.length];
      this.replyQueues = new MemoryReplyQueue[sms.length];
      // The shared memory the resident blocks take sets the carveout; the L1 gets the rest.
      int carveout = occupancy.blocksPerSm() * occupancy.sharedPerBlock();
      for (int i = 0; i < sms.length; i++) {
        sms[i] = new StreamingMultiprocessor(i, config, coreClock, scoreboard, alwaysTick, carveout);
        sms[i].setHook(hook);
        requestQueues[i] = sms[i].requestQueue();
        replyQueues[i] = sms[i].replyQueue();
      }
      lowerMemory.reportTo((name, value, description) -> lowerAtStart.put(name, value));
      this.watchdog = new Watchdog(config.watchdog().stallCycles());
    }

    KernelStats run() throws InputException, SimulationStuckException {
      long start = config.launch().kernelLaunchCycles();
      for (StreamingMultiprocessor sm : sms) {
        sm.beginAccounting(0);
      }
      // Blocks go round-robin over the SMs until every SM is full or the grid is exhausted.
      for (int round = 0; round < occupancy.blocksPerSm() && !noMoreCtas; round++) {
        for (StreamingMultiprocessor sm : sms) {
          if (!startNextBlock(sm, start)) {
            break;
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
      watchdog.start(start);
      long windowStart = start;
      while (!allDone() && failure == null) {
        long windowEnd = windowStart + windowCycles;
        // SMs do not interact inside a window; only a source that is not thread-safe (the
        // emulator) or an issue hook sees the order in which they run.
        engine.runWindow(coreClock.timeOf(windowEnd), kernel.threadSafe() ? threads : null,
            kernel.threadSafe() && hook == null);
        exchangeMemory(windowEnd);
        long gapEnd = exchangeBlocks(windowEnd);
        if (gapEnd >= 0) {
          throw stuck(gapEnd);
        }
        long next = engine.nextTime();
        if (allDone() || failure != null) {
          break;
        }
        // Every SM sleeps until 'next' (or for ever): if that is a whole watchdog window after
        // the last issue, nothing will move before the watchdog fires, and the warps' state now
        // is their state then.
        long nextCycle = next == Long.MAX_VALUE ? Long.MAX_VALUE : coreClock.cycleAtOrAfter(next);
        if (nextCycle == Long.MAX_VALUE || watchdog.tripsAt(Math.max(windowEnd, nextCycle) - 1)) {
          throw stuck(watchdog.lastProgress() + watchdog.window());
        }
        // Skip windows in which every SM sleeps.
        windowStart = Math.max(windowEnd, nextCycle);
      }
      if (failure != null) {
        throw failure;
      }
      long cycles = blocksStarted == 0 ? start : lastFinish + 1;
      for (StreamingMultiprocessor sm : sms) {
        sm.finishAccounting(cycles);
      }
      totalCycles += cycles;
      return collect(cycles);
    }

    /**
     * The end of a window: the lower memory serves the window's requests in a fixed order, and
     * each SM with a reply due sleeps no longer than its arrival (never before the window's end).
     */
    private void exchangeMemory(long windowEnd) {
      lowerMemory.exchange(windowEnd, requestQueues, replyQueues);
      for (int i = 0; i < sms.length; i++) {
        if (!replyQueues[i].isEmpty()) {
          engine.wake(sms[i], Math.max(windowEnd, replyQueues[i].nextReady()));
        }
      }
    }

    private boolean allDone() {
      return noMoreCtas && blocksFinished == blocksStarted;
    }

    /** Starts the next block of the grid on {@code sm} at {@code cycle}; false when none is left. */
    private boolean startNextBlock(StreamingMultiprocessor sm, long cycle) {
      KernelSource.Block cta;
      try {
        cta = nextCta != null ? nextCta : kernel.nextBlock();
        nextCta = null;
      } catch (InputException e) {
        failure = e;
        noMoreCtas = true;
        return false;
      }
      if (cta == null) {
        noMoreCtas = true;
        return false;
      }
      if (!decodeNewInstructions()) {
        noMoreCtas = true;
        return false;
      }
      sm.startBlock(cta.warps(), cta.linearId(), program, cycle);
      blocksStarted++;
      engine.wake(sm, cycle);
      return true;
    }

    private boolean decodeNewInstructions() {
      try {
        program = decoder.extend(program, kernel.instructions(), origin);
        return true;
      } catch (InputException e) {
        failure = e;
        return false;
      }
    }

    /**
     * The end of a window: note each SM's progress and replace its finished blocks, in order of
     * finish cycle and then SM index, so the outcome does not depend on how the window ran.
     */
    private long exchangeBlocks(long windowEnd) {
      List<long[]> finished = new ArrayList<>();
      long firstIssue = Long.MAX_VALUE;
      long lastIssue = -1;
      for (StreamingMultiprocessor sm : sms) {
        if (sm.firstIssue() >= 0) {
          firstIssue = Math.min(firstIssue, sm.firstIssue());
          lastIssue = Math.max(lastIssue, sm.lastIssue());
        }
        for (int i = 0; i < sm.finishedBlockCount(); i++) {
          finished.add(new long[] {sm.finishedBlockCycle(i), sm.index()});
        }
        sm.clearFinishedBlocks();
      }
      if (firstIssue != Long.MAX_VALUE && watchdog.tripsAt(firstIssue)) {
        // Silent for a whole watchdog window inside this window, then moving again.
        return watchdog.lastProgress() + watchdog.window();
      }
      watchdog.progressed(lastIssue);
      if (finished.isEmpty()) {
        return -1;
      }
      finished.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      for (long[] f : finished) {
        blocksFinished++;
        lastFinish = Math.max(lastFinish, f[0]);
        watchdog.progressed(f[0]);
        if (!noMoreCtas) {
          long at = Math.max(windowEnd, f[0] + config.launch().blockLaunchCycles());
          startNextBlock(sms[(int) f[1]], at);
        }
      }
      return -1;
    }

    private SimulationStuckException stuck(long at) {
      List<String> warps = new ArrayList<>();
      for (StreamingMultiprocessor sm : sms) {
        warps.addAll(sm.describeWarps(at));
      }
      return new SimulationStuckException(String.format(
          "kernel %s: no warp issued for %d cycles (last issue at cycle %d, %d of %d blocks"
              + " finished); %d warps resident",
          launch.name(), watchdog.window(), watchdog.lastProgress(), blocksFinished,
          launch.ctaCount(), warps.size()), warps);
    }

    private KernelStats collect(long cycles) {
      Map<Stat, Long> v = KernelStats.emptyValues();
      int subcores = config.occupancy().subcores();
      SubCoreCounters[] perSubcore = new SubCoreCounters[subcores];
      SubCoreCounters total = new SubCoreCounters();
      for (int s = 0; s < subcores; s++) {
        perSubcore[s] = new SubCoreCounters();
      }
      long l0Hits = 0;
      long l0Pending = 0;
      long l0Misses = 0;
      long prefetchHits = 0;
      long prefetches = 0;
      long l1Hits = 0;
      long l1Misses = 0;
      long[] data = new long[6];
      long[] shared = new long[3];
      long constantHits = 0;
      long constantMisses = 0;
      for (StreamingMultiprocessor sm : sms) {
        for (int s = 0; s < subcores; s++) {
          perSubcore[s].add(sm.counters(s));
          total.add(sm.counters(s));
          L0InstructionCache l0 = sm.instructionCache(s);
          l0Hits += l0.hits();
          l0Pending += l0.pendingHits();
          l0Misses += l0.misses();
          prefetchHits += l0.prefetchHits();
          prefetches += l0.prefetchesIssued();
        }
        L1DataCache d = sm.l1DataCache();
        data[0] += d.sectorHits();
        data[1] += d.sectorMisses();
        data[2] += d.mergedSectors();
        data[3] += d.bypassSectors();
        data[4] += d.storeSectors();
        data[5] += d.mshrStallCycles();
        long[] sc = sm.sharedMemoryCounts();
        for (int k = 0; k < 3; k++) {
          shared[k] += sc[k];
        }
        constantHits += sm.constantCache().hits();
        constantMisses += sm.constantCache().misses();
        l1Hits += sm.l1InstructionCache().hits();
        l1Misses += sm.l1InstructionCache().misses();
      }
      v.put(Stat.CYCLES, cycles);
      v.put(Stat.WARP_INSTRUCTIONS, total.warpInstructions());
      v.put(Stat.THREAD_INSTRUCTIONS, total.threadInstructions());
      v.put(Stat.REGISTER_READS, total.registerReads());
      v.put(Stat.REGISTER_CACHE_HITS, total.registerCacheHits());
      v.put(Stat.BANK_CONFLICT_CYCLES, total.bankConflictCycles());
      v.put(Stat.FETCHES, total.fetches());
      v.put(Stat.L0I_HITS, l0Hits);
      v.put(Stat.L0I_PENDING_HITS, l0Pending);
      v.put(Stat.L0I_MISSES, l0Misses);
      v.put(Stat.PREFETCH_HITS, prefetchHits);
      v.put(Stat.PREFETCHES, prefetches);
      v.put(Stat.L1I_HITS, l1Hits);
      v.put(Stat.L1I_MISSES, l1Misses);
      v.put(Stat.L1D_SECTOR_HITS, data[0]);
      v.put(Stat.L1D_SECTOR_MISSES, data[1]);
      v.put(Stat.L1D_MERGED_SECTORS, data[2]);
      v.put(Stat.L1D_BYPASS_SECTORS, data[3]);
      v.put(Stat.L1D_STORE_SECTORS, data[4]);
      v.put(Stat.L1D_MSHR_STALL_CYCLES, data[5]);
      v.put(Stat.SHARED_ACCESSES, shared[0]);
      v.put(Stat.SHARED_WAVEFRONTS, shared[1]);
      v.put(Stat.SHARED_BANK_CONFLICT_CYCLES, shared[2]);
      v.put(Stat.CONSTANT_HITS, constantHits);
      v.put(Stat.CONSTANT_MISSES, constantMisses);
      lowerMemory.reportTo((name, value, description) -> {
        Stat stat = Stat.byKey(name);
        if (stat != null) {
          v.put(stat, value - lowerAtStart.getOrDefault(name, 0L));
        }
      });
      long[][] stalls = new long[subcores][];
      for (int s = 0; s < subcores; s++) {
        stalls[s] = new long[StallReason.values().length];
        for (StallReason r : StallReason.values()) {
          stalls[s][r.ordinal()] = perSubcore[s].stallCycles(r);
        }
      }
      return new KernelStats(launch.name(), launch.kernelId(), dim(launch.grid().x(),
          launch.grid().y(), launch.grid().z()), dim(launch.block().x(), launch.block().y(),
          launch.block().z()), occupancy.blocksPerSm(), occupancy.limitedBy(),
          scoreboard ? "scoreboard" : "control-bits", v, stalls);
    }
  }

  private static String dim(long x, long y, long z) {
    return x + "," + y + "," + z;
  }

  @Override
  public String toString() {
    return "Gpu[" + config.name() + ", " + config.smCount() + " SMs]";
  }
}
