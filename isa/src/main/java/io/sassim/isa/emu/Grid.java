package io.sassim.isa.emu;

import io.sassim.isa.launch.Dim3;

/**
 * The state of one launch: the decoded code, device memory, bank 0, the launch geometry and the
 * listener. CTAs run one after another through {@link ThreadBlock}s; a timing model that wants to
 * interleave them can create several blocks with {@link #newBlock()} and step their warps itself.
 */
public final class Grid {
  /** Generic-address windows (16 MiB aligned, sass-semantics.md §6.1). */
  static final long SHARED_WINDOW = 0x0000_7F00_2000_0000L;
  static final long LOCAL_WINDOW = 0x0000_7F00_1E00_0000L;
  static final long WINDOW_MASK = 0xFFFFFFL;

  static final int GLOBAL = 0;
  static final int SHARED = 1;
  static final int LOCAL = 2;
  static final int GENERIC = 3;

  final LoadedKernel kernel;
  final Op[] ops;
  final GlobalMemory memory;
  final Dim3 gridDim;
  final Dim3 blockDim;
  final int sharedBytes;
  final int localBytes;
  final int registerCount;
  final EmulatorListener listener;
  private final ExecutedInstruction event = new ExecutedInstruction();

  long warpInstructions;
  long threadInstructions;
  /** Null: clocks read {@link #warpInstructions}. */
  private ClockSource clock;
  /** Whether the instruction at PC / 16 reads a clock or timer register. */
  private final boolean[] clockReads;
  private final boolean onlyWholeCtaBarriers;

  /** Set by {@link #resolve}: the offset of the resolved address inside the returned array. */
  int resolvedOffset;

  Grid(LoadedKernel kernel, Op[] ops, GlobalMemory memory, Dim3 gridDim, Dim3 blockDim,
      int sharedBytes, EmulatorListener listener) {
    this.kernel = kernel;
    this.ops = ops;
    this.memory = memory;
    this.gridDim = gridDim;
    this.blockDim = blockDim;
    this.sharedBytes = sharedBytes;
    this.localBytes = Math.max(16, kernel.localBytes());
    this.registerCount = kernel.registerFile();
    this.listener = listener;
    this.clockReads = new boolean[ops.length];
    boolean wholeCta = true;
    for (int i = 0; i < ops.length; i++) {
      clockReads[i] = ops[i] instanceof SpecialRegs r && r.readsClock();
      if (ops[i] instanceof ControlOps.CtaBarrier b && !b.wholeCta()) {
        wholeCta = false;
      }
    }
    this.onlyWholeCtaBarriers = wholeCta;
  }

  /**
   * Whether every CTA barrier of the kernel is a plain {@code __syncthreads}: BAR.SYNC or BAR.RED
   * of barrier 0 by all threads, with no named barrier, thread count, guard or BAR.ARV. A timing
   * model that counts a block's warps at a barrier then agrees with the emulator on when it
   * completes.
   */
  public boolean onlyWholeCtaBarriers() {
    return onlyWholeCtaBarriers;
  }

  /** Makes clock and timer reads ask {@code source}; null restores the warp-instruction count. */
  public void setClockSource(ClockSource source) {
    this.clock = source;
  }

  /** The value a clock read by a warp of {@code block} sees now. */
  long clock(ThreadBlock block) {
    return clock == null ? warpInstructions : clock.read(block);
  }

  /**
   * Whether the instruction at {@code pc} is an ordinary one, which always leaves the lanes that
   * execute it together at {@code pc + 16}; false for control instructions (branches, EXIT,
   * barriers, BSYNC...) and instructions the emulator cannot execute.
   */
  public boolean fallsThrough(int pc) {
    int i = pc >> 4;
    return pc >= 0 && i < ops.length && !ops[i].isControl();
  }

  /** Number of instructions of the kernel: PCs run from 0 to 16 times this, exclusive. */
  public int instructionCount() {
    return ops.length;
  }

  /**
   * Whether the instruction at {@code pc} reads {@code SR_CLOCKLO/HI} or {@code
   * SR_GLOBALTIMERLO/HI}: a timing model executes such an instruction only when it issues.
   */
  public boolean readsClock(int pc) {
    int i = pc >> 4;
    return pc >= 0 && i < clockReads.length && clockReads[i];
  }

  public long ctaCount() {
    return gridDim.volume();
  }

  /** A fresh block; call {@link ThreadBlock#start(long)} to give it a CTA. */
  public ThreadBlock newBlock() {
    return new ThreadBlock(this);
  }

  /** Dynamic warp instructions executed so far, predicated-off ones included. */
  public long warpInstructions() {
    return warpInstructions;
  }

  void report(Warp w, Op op, int pc, int group, int mask) {
    event.set(w, op.instruction, pc, group, mask);
    listener.executed(event);
  }

  /**
   * The array holding {@code [addr, addr+bytes)} of {@code space} for {@code lane}, with {@link
   * #resolvedOffset} set to the offset inside it.
   */
  byte[] resolve(int space, Warp w, int lane, long addr, int bytes, Op op) throws EmulationException {
    if ((addr & (bytes - 1)) != 0) {
      throw op.fault(w, String.format("lane %d: misaligned %d-byte access at 0x%x", lane, bytes, addr));
    }
    if (space == GENERIC) {
      space = genericSpace(addr);
      if (space == SHARED || space == LOCAL) {
        addr &= WINDOW_MASK;
      }
    }
    switch (space) {
      case SHARED: {
        long off = addr & WINDOW_MASK;
        if (off + bytes > w.block.shared.length || (addr & 0xFFFFFFFFL) >>> 24 != 0) {
          throw op.fault(w, String.format("lane %d: shared address 0x%x outside the CTA's %d bytes",
              lane, addr, w.block.shared.length));
        }
        resolvedOffset = (int) off;
        return w.block.shared;
      }
      case LOCAL: {
        long off = addr & 0xFFFFFFFFL;
        if (off + bytes > localBytes) {
          throw op.fault(w, String.format("lane %d: local address 0x%x outside the thread's %d bytes",
              lane, addr, localBytes));
        }
        resolvedOffset = (int) off + lane * localBytes;
        return w.local();
      }
      default: {
        int i = memory.find(addr, bytes);
        if (i < 0) {
          throw op.fault(w, String.format("lane %d: global address 0x%x (%d bytes) is in no buffer",
              lane, addr, bytes));
        }
        resolvedOffset = memory.offset(i, addr);
        return memory.data(i);
      }
    }
  }

  /** Which window a generic address falls in. */
  static int genericSpace(long addr) {
    long window = addr & ~WINDOW_MASK;
    if (window == SHARED_WINDOW) {
      return SHARED;
    }
    if (window == LOCAL_WINDOW) {
      return LOCAL;
    }
    return GLOBAL;
  }
}
