package io.sassim.sim.exec;

import io.sassim.isa.emu.ExecutedInstruction;
import io.sassim.isa.emu.Warp;
import io.sassim.sim.core.WarpStream;
import java.util.Arrays;

/**
 * One warp's instructions, produced by stepping the emulator's warp as the timing model asks for
 * entries. Entries are kept as a trace keeps them (instruction id, the lanes whose guard held,
 * one address per such lane for memory instructions), for the life of the warp, because the
 * model may read an entry's addresses long after it issued.
 *
 * <p>A warp waiting at a CTA barrier in the emulator gives no entry past it until every warp of
 * its block has reached the barrier there ({@link EmulatedBlock}).
 *
 * <p>A clock read is handed to the model unexecuted, and {@link #issued} executes it with the
 * clock reading the issue cycle. So that fetch runs ahead of it as it does in a trace, the
 * entries after it are produced as their instruction ids alone while the path is certain: up to
 * and including the first control instruction, whose successor the emulator has yet to decide.
 * The model issues in order, so when the clock read issues these entries have not; they are
 * executed right after it, up to the next clock read among them, which waits for its own issue.
 * Their masks and addresses are thus in place before anything reads them.
 */
final class EmulatedWarpStream implements WarpStream {

  private final EmulatedKernel kernel;
  private final EmulatedBlock block;
  private final Warp warp;
  private Runnable wake;

  private int produced;
  private int[] ids = new int[64];
  private int[] masks = new int[64];
  private byte[] counts = new byte[64];
  /** Entry i's addresses start at addressStart[i]: its count of them, or first and stride. */
  private int[] addressStart = new int[65];
  private long[] addresses = new long[64];
  private boolean exited;
  /** The produced but unexecuted clock read, or -1; the entries after it are look-ahead. */
  private int pendingClock = -1;
  /** PC of the next look-ahead entry, or -1 when the path past the clock read is not certain. */
  private int lookAheadPc = -1;
  /** While the look-ahead entries are executed: the end of those entries. */
  private int replayEnd;

  EmulatedWarpStream(EmulatedKernel kernel, EmulatedBlock block, Warp warp) {
    this.kernel = kernel;
    this.block = block;
    this.warp = warp;
  }

  @Override
  public int warpInCta() {
    return warp.warpInCta();
  }

  @Override
  public void attach(Runnable wake) {
    this.wake = wake;
  }

  void wakeModel() {
    if (wake != null) {
      wake.run();
    }
  }

  @Override
  public boolean available(int i) {
    if (i < produced) {
      return true;
    }
    produce(i);
    return i < produced;
  }

  @Override
  public boolean ended(int i) {
    if (i < produced) {
      return false;
    }
    produce(i);
    return i >= produced && exited;
  }

  /** Steps the emulator's warp until entry {@code upTo} exists or something stops it. */
  private void produce(int upTo) {
    while (produced <= upTo && !exited) {
      if (pendingClock >= 0) {
        if (!lookAhead()) {
          return;
        }
        continue;
      }
      int pc = warp.nextPc();
      if (pc < 0) {
        if (!warp.isWaiting()) {
          exited = true;
          block.warpExited();
          return;
        }
        if (!block.releaseBarrier()) {
          return;
        }
        continue;
      }
      if (kernel.readsClock(pc)) {
        pendingClock = produced;
        lookAheadPc = pc + 16;
        append(kernel.instructionId(pc), 0, null, 0);
        continue;
      }
      kernel.step(this, warp);
    }
  }

  /** Adds the next look-ahead entry after a pending clock read; false when the path is unsure. */
  private boolean lookAhead() {
    int pc = lookAheadPc;
    if (pc < 0 || pc >> 4 >= kernel.grid.instructionCount()) {
      return false;
    }
    append(kernel.instructionId(pc), 0, null, 0);
    lookAheadPc = kernel.grid.fallsThrough(pc) ? pc + 16 : -1;
    return true;
  }

  @Override
  public void issued(int i, long cycle) {
    if (i != pendingClock) {
      return;
    }
    // Execute the clock read at this cycle, then the look-ahead entries up to the next clock
    // read; each is written again in place, now with its lanes and addresses.
    int end = produced;
    replayEnd = end;
    produced = pendingClock;
    pendingClock = -1;
    kernel.stepClockRead(this, warp, cycle);
    while (produced < end) {
      if (kernel.readsClock(kernel.pcOf(ids[produced]))) {
        // The rest stays look-ahead behind this clock read; those entries carry no addresses.
        pendingClock = produced;
        for (int k = produced + 1; k <= end; k++) {
          addressStart[k] = addressStart[produced];
        }
        produced = end;
        replayEnd = 0;
        return;
      }
      kernel.step(this, warp);
    }
    replayEnd = 0;
    lookAheadPc = -1;
  }

  /** The emulator executed an instruction of this warp ({@link EmulatedKernel} passes it on). */
  void executed(int id, ExecutedInstruction e, boolean memory, long[] lanes) {
    int mask = e.executedMask();
    if (produced < replayEnd && ids[produced] != id) {
      throw new IllegalStateException(String.format("warp %d: look-ahead past a clock read "
          + "named instruction %d, the emulator executed PC 0x%x", warp.warpInCta(),
          ids[produced], e.pc()));
    }
    if (!memory) {
      append(id, mask, null, 0);
      return;
    }
    int n = 0;
    if (e.hasAddresses()) {
      for (int m = mask; m != 0; m &= m - 1) {
        lanes[n++] = e.address(Integer.numberOfTrailingZeros(m));
      }
    } else {
      mask = 0; // an access the emulator did not perform, recorded as predicated off (as traced)
    }
    append(id, mask, lanes, n);
  }

  private void append(int id, int mask, long[] lanes, int n) {
    if (produced == ids.length) {
      int size = produced * 2;
      ids = Arrays.copyOf(ids, size);
      masks = Arrays.copyOf(masks, size);
      counts = Arrays.copyOf(counts, size);
      addressStart = Arrays.copyOf(addressStart, size + 1);
    }
    int at = addressStart[produced];
    boolean strided = n >= 3 && progression(lanes, n);
    int stored = strided ? 2 : n;
    if (at + stored > addresses.length) {
      addresses = Arrays.copyOf(addresses, Math.max(addresses.length * 2, at + stored));
    }
    if (strided) {
      addresses[at] = lanes[0];
      addresses[at + 1] = lanes[1] - lanes[0];
    } else if (n > 0) {
      System.arraycopy(lanes, 0, addresses, at, n);
    }
    ids[produced] = id;
    masks[produced] = mask;
    counts[produced] = (byte) n;
    addressStart[produced + 1] = at + stored;
    produced++;
  }

  private static boolean progression(long[] lanes, int n) {
    long stride = lanes[1] - lanes[0];
    for (int k = 2; k < n; k++) {
      if (lanes[k] - lanes[k - 1] != stride) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int instructionId(int i) {
    return ids[i];
  }

  @Override
  public int activeMask(int i) {
    return masks[i];
  }

  @Override
  public int addressCount(int i) {
    return counts[i];
  }

  @Override
  public long address(int i, int k) {
    int at = addressStart[i];
    return isStrided(i) ? addresses[at] + k * addresses[at + 1] : addresses[at + k];
  }

  @Override
  public boolean isStrided(int i) {
    return addressStart[i + 1] - addressStart[i] != counts[i];
  }

  @Override
  public long stride(int i) {
    if (!isStrided(i)) {
      throw new IllegalStateException("entry " + i + " is not strided");
    }
    return addresses[addressStart[i] + 1];
  }

  /** Entries produced so far (tests). */
  int produced() {
    return produced;
  }

  @Override
  public String toString() {
    return "warp " + warp.warpInCta() + " (" + produced + " instructions so far)";
  }
}
