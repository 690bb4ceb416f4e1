package io.sassim.sim.core;

/**
 * A hardware warp slot and the dependence state the paper keeps per warp (§4): stall counter,
 * yield, the six dependence counters, plus its instruction buffer and position in its
 * instruction stream.
 */
final class Warp {

  final int slot;
  final int subcore;
  /** Warp index within its block. */
  int warpInBlock;
  BlockState block;
  /** The warp's instructions: a trace, or the emulator executing it (named for history). */
  WarpStream trace;
  DecodedInstruction[] program;
  /** Dynamic age: larger is younger (CGGTY issues the youngest). */
  long age;
  boolean active;

  /** Next stream position to fetch and to issue; the buffer holds [issueIndex, fetchIndex). */
  int fetchIndex;
  int issueIndex;
  /** The instruction at stream position {@code peekIndex}, once looked up (see {@link #at}). */
  private DecodedInstruction peek;
  private int peekIndex = -1;
  /** Buffer entries of positions issueIndex and fetchIndex: the positions mod the buffer size. */
  int issueEntry;
  int fetchEntry;
  /** Per buffer entry: the first cycle it can issue. */
  final long[] bufferReady;
  /**
   * Per buffer entry: its decoded instruction, kept at fetch as the hardware's buffer keeps it,
   * so issue reads the warp's own state instead of going back to the stream.
   */
  final DecodedInstruction[] bufferInstruction;

  /** No fetch before this cycle (redirect after a taken branch). */
  long fetchAllowedFrom;
  /** First cycle the stall counter allows an issue. */
  long stallUntil;
  /** A cycle in which yield forbids this warp to issue. */
  long yieldBlocks = -1;
  final int[] counters = new int[6];
  /**
   * Increments set at issue that become visible two cycles later (paper §4), applied when the
   * counters are next read instead of by an event each: cycle and counter of each, in order.
   * A warp issues once a cycle at most, so at most two issues' worth (four) are ever waiting.
   */
  private final long[] incrementAt = new long[4];
  private final int[] incrementCounter = new int[4];
  private int increments;
  /** A DEPBAR.LE holds the warp's later instructions from this cycle while its condition fails. */
  long depbarFrom = Long.MAX_VALUE;
  int depbarCounter;
  int depbarThreshold;
  /** Waiting at a block barrier. */
  boolean atBarrier;
  /** Every instruction issued; the slot frees once {@link #pending} drains. */
  boolean doneIssuing;
  /**
   * Releases still scheduled for this warp (counters, async copies, results), plus one per
   * issued instruction whose completion cycle is not known yet.
   */
  int pending;
  /** The cycle by which every issued instruction with a known completion cycle has completed. */
  long completeBy;
  /**
   * LDGSTS groups (cp.async.commit_group), by group number mod {@link #COPY_GROUPS}: copies of
   * each group still in flight, the cycle the last one landed, and the LDGDEPBAR whose counter
   * waits for the group once it has reached Allocate. LDGDEPBAR closes group {@code
   * groupsClosed} when it issues.
   */
  static final int COPY_GROUPS = 8;
  final int[] copiesInFlight = new int[COPY_GROUPS];
  final long[] copiesLanded = new long[COPY_GROUPS];
  final DecodedInstruction[] groupBarrier = new DecodedInstruction[COPY_GROUPS];
  int groupsClosed;
  int groupsAllocated;

  /** Scoreboard mode only (null otherwise): pending writes and pending reads per register id. */
  final boolean[] pendingWrite;
  final int[] pendingReads;

  /** Makes this warp's sub-core look at it again (a stream entry became available). */
  Runnable wake;

  Warp(int slot, int subcore, int bufferEntries, boolean scoreboard) {
    this.slot = slot;
    this.subcore = subcore;
    this.bufferReady = new long[bufferEntries];
    this.bufferInstruction = new DecodedInstruction[bufferEntries];
    this.pendingWrite = scoreboard ? new boolean[DecodedInstruction.REGISTER_IDS] : null;
    this.pendingReads = scoreboard ? new int[DecodedInstruction.REGISTER_IDS] : null;
  }

  void start(BlockState block, int warpInBlock, WarpStream trace, DecodedInstruction[] program,
      long age, long cycle) {
    this.block = block;
    this.warpInBlock = warpInBlock;
    this.trace = trace;
    this.program = program;
    this.age = age;
    this.active = true;
    fetchIndex = 0;
    issueIndex = 0;
    peekIndex = -1;
    peek = null;
    fetchEntry = 0;
    issueEntry = 0;
    stallUntil = cycle;
    fetchAllowedFrom = cycle;
    yieldBlocks = -1;
    java.util.Arrays.fill(counters, 0);
    increments = 0;
    atBarrier = false;
    depbarFrom = Long.MAX_VALUE;
    trace.attach(wake);
    doneIssuing = trace.ended(0);
    pending = 0;
    completeBy = Long.MIN_VALUE;
    java.util.Arrays.fill(bufferInstruction, null);
    java.util.Arrays.fill(copiesInFlight, 0);
    java.util.Arrays.fill(copiesLanded, 0);
    java.util.Arrays.fill(groupBarrier, null);
    groupsClosed = 0;
    groupsAllocated = 0;
    if (pendingWrite != null) {
      java.util.Arrays.fill(pendingWrite, false);
      java.util.Arrays.fill(pendingReads, 0);
    }
  }

  int buffered() {
    return fetchIndex - issueIndex;
  }

  /** The instruction at the head of the buffer; only while {@link #buffered} is positive. */
  DecodedInstruction next() {
    return bufferInstruction[issueEntry];
  }

  /** First cycle the head of the buffer can issue; only while {@link #buffered} is positive. */
  long nextReady() {
    return bufferReady[issueEntry];
  }

  /** The most recently fetched instruction; only while {@link #buffered} is positive. */
  DecodedInstruction newest() {
    return bufferInstruction[fetchEntry == 0 ? bufferInstruction.length - 1 : fetchEntry - 1];
  }

  /** Puts stream position {@code fetchIndex}, holding {@code in}, into the buffer. */
  void buffer(DecodedInstruction in, long ready) {
    bufferReady[fetchEntry] = ready;
    bufferInstruction[fetchEntry] = in;
    fetchIndex++;
    if (++fetchEntry == bufferInstruction.length) {
      fetchEntry = 0;
    }
  }

  /** The head of the buffer issues. */
  void advanceIssue() {
    issueIndex++;
    if (++issueEntry == bufferInstruction.length) {
      issueEntry = 0;
    }
  }

  /**
   * The instruction at stream position {@code i}, which must exist: the buffer's head when it is
   * that position, otherwise from the stream.
   */
  DecodedInstruction at(int i) {
    if (i == issueIndex && fetchIndex > issueIndex) {
      return next();
    }
    if (i == fetchIndex) {
      // Fetch asks for the entry it would take next every cycle until it takes it; the stream's
      // line is cold by the SM's next turn, so the answer is kept.
      if (peekIndex != i) {
        peek = program[trace.instructionId(i)];
        peekIndex = i;
      }
      return peek;
    }
    return program[trace.instructionId(i)];
  }

  /** Whether the warp has issued everything and all of it has completed by {@code cycle}. */
  boolean finished(long cycle) {
    return doneIssuing && pending == 0 && completeBy <= cycle;
  }

  /** Counter {@code counter} is incremented, visible from {@code cycle} on. */
  void incrementFrom(long cycle, int counter) {
    incrementAt[increments] = cycle;
    incrementCounter[increments] = counter;
    increments++;
  }

  /** Applies the increments visible by {@code now}; call before reading {@link #counters}. */
  void applyIncrements(long now) {
    int kept = 0;
    for (int i = 0; i < increments; i++) {
      if (incrementAt[i] <= now) {
        counters[incrementCounter[i]]++;
      } else {
        incrementAt[kept] = incrementAt[i];
        incrementCounter[kept] = incrementCounter[i];
        kept++;
      }
    }
    increments = kept;
  }

  /** Active lanes summed over every entry issued so far: the warp's thread instructions. */
  long issuedLanes() {
    long lanes = 0;
    for (int i = 0; i < issueIndex; i++) {
      lanes += Integer.bitCount(trace.activeMask(i));
    }
    return lanes;
  }

  @Override
  public String toString() {
    return "warp " + warpInBlock + " of block " + (block == null ? "-" : block.linearId);
  }
}
