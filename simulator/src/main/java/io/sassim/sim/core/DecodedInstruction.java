package io.sassim.sim.core;

import io.sassim.isa.arch.UnitClass;

/**
 * One static instruction as the pipeline needs it, decoded once per kernel from the trace's
 * {@code StaticInstruction}: unit and timing, control bits, and register operands as flat ids.
 * Register ids: general registers 0..254, uniform 256 + n, predicates 320 + n, uniform
 * predicates 328 + n (for the scoreboard); the register file only looks at general ones.
 */
public final class DecodedInstruction {

  public static final int UNIFORM_BASE = 256;
  public static final int PREDICATE_BASE = 320;
  public static final int UNIFORM_PREDICATE_BASE = 328;
  public static final int REGISTER_IDS = 336;

  final String text;
  final int pc;
  final UnitClass unit;
  /** {@code unit.ordinal()}, the index of the unit's input latch. */
  final int unitIndex;
  /** An FP32 instruction other than IMAD, which may borrow the INT pipe on Ampere and later. */
  final boolean mayUseIntPipe;
  /** Writes at least one general register (needs a result-queue entry if fixed latency). */
  final boolean writesRegister;
  final boolean fixedLatency;
  final int latency;
  final int initiationInterval;
  final boolean hasControl;
  final int stall;
  final boolean yield;
  /** SB index released at write-back, or -1. */
  final int writeBarrier;
  /** SB index released after the sources are read, or -1. */
  final int readBarrier;
  final int waitMask;
  final int reuseMask;
  /** General source registers, expanded (a 64-bit operand gives two). */
  final int[] sourceRegisters;
  /** Operand slot (A = 0, B = 1, C = 2...) of each entry of {@link #sourceRegisters}. */
  final int[] sourceSlots;
  /** General destination registers, expanded. */
  final int[] destinationRegisters;
  /** Every source register id, all files, for the scoreboard. */
  final int[] sourceIds;
  /** Every destination register id, all files, for the scoreboard. */
  final int[] destinationIds;
  final MemoryKind memoryKind;
  final boolean uniformAddress;
  final int accessBytes;
  /** ATOMG/ATOM: performed at the L2, the result comes back. */
  final boolean atomic;
  /** RED: performed at the L2, nothing comes back. */
  final boolean reduction;
  /** .STRONG.GPU/.SYS or .BYPASS: reads the L2, not the L1. */
  final boolean l1Bypass;
  /** .NA: may hit the L1 but does not allocate. */
  final boolean l1NoAllocate;
  /** LDSM: the number of 8 x 8 matrices (1, 2, 4); 0 otherwise. */
  final int matrices;
  final boolean exit;
  final boolean barrierWait;
  final boolean barrierArrive;
  final boolean depbar;
  final int depbarCounter;
  final int depbarThreshold;
  final boolean asyncCopyBarrier;
  final boolean imad;
  final boolean wideRead;

  DecodedInstruction(Builder b) {
    text = b.text;
    pc = b.pc;
    unit = b.unit;
    unitIndex = b.unit.ordinal();
    mayUseIntPipe = b.unit == UnitClass.FP32 && !b.imad;
    writesRegister = b.destinationRegisters.length > 0;
    fixedLatency = b.fixedLatency;
    latency = b.latency;
    initiationInterval = b.initiationInterval;
    hasControl = b.hasControl;
    stall = b.stall;
    yield = b.yield;
    writeBarrier = b.writeBarrier;
    readBarrier = b.readBarrier;
    waitMask = b.waitMask;
    reuseMask = b.reuseMask;
    sourceRegisters = b.sourceRegisters;
    sourceSlots = b.sourceSlots;
    destinationRegisters = b.destinationRegisters;
    sourceIds = b.sourceIds;
    destinationIds = b.destinationIds;
    memoryKind = b.memoryKind;
    uniformAddress = b.uniformAddress;
    accessBytes = b.accessBytes;
    atomic = b.atomic;
    reduction = b.reduction;
    l1Bypass = b.l1Bypass;
    l1NoAllocate = b.l1NoAllocate;
    matrices = b.matrices;
    exit = b.exit;
    barrierWait = b.barrierWait;
    barrierArrive = b.barrierArrive;
    depbar = b.depbar;
    depbarCounter = b.depbarCounter;
    depbarThreshold = b.depbarThreshold;
    asyncCopyBarrier = b.asyncCopyBarrier;
    imad = b.imad;
    wideRead = b.wideRead;
  }

  public String text() {
    return text;
  }

  public int pc() {
    return pc;
  }

  public UnitClass unit() {
    return unit;
  }

  public boolean isFixedLatency() {
    return fixedLatency;
  }

  public int latency() {
    return latency;
  }

  public int initiationInterval() {
    return initiationInterval;
  }

  public MemoryKind memoryKind() {
    return memoryKind;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Mutable form filled by {@link InstructionDecoder}. */
  static final class Builder {
    String text;
    int pc;
    UnitClass unit;
    boolean fixedLatency;
    int latency;
    int initiationInterval;
    boolean hasControl;
    int stall;
    boolean yield;
    int writeBarrier = -1;
    int readBarrier = -1;
    int waitMask;
    int reuseMask;
    int[] sourceRegisters;
    int[] sourceSlots;
    int[] destinationRegisters;
    int[] sourceIds;
    int[] destinationIds;
    MemoryKind memoryKind = MemoryKind.NONE;
    boolean uniformAddress;
    int accessBytes;
    boolean atomic;
    boolean reduction;
    boolean l1Bypass;
    boolean l1NoAllocate;
    int matrices;
    boolean exit;
    boolean barrierWait;
    boolean barrierArrive;
    boolean depbar;
    int depbarCounter;
    int depbarThreshold;
    boolean asyncCopyBarrier;
    boolean imad;
    boolean wideRead;
  }
}
