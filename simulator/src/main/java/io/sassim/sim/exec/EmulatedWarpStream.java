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
 * <p>Two things stop the emulator's warp before the model is done fetching: a clock read, which
 * must execute at the cycle it issues ({@link #issued}), and a CTA barrier, which completes in
 * the emulator only once every warp of the block waits at it there ({@link EmulatedBlock}), so
 * that shared memory holds what the other warps stored before it. Fetch still runs ahead as it
 * does in a trace: past such a stop the stream gives <em>look-ahead</em> entries, instruction
 * ids alone along the path that is certain (straight on, up to and including the first control
 * instruction, whose successor the emulator has yet to decide). Past a barrier it looks ahead
 * only in kernels whose barriers are all plain {@code __syncthreads}: there the model's barrier
 * (all live warps) and the emulator's (all live threads) complete together, while a named
 * barrier with a thread count could let the model issue past it first. A look-ahead entry is
 * executed as soon as the emulator can go on, and at the latest when it issues; the model
 * issues in order and reads an entry's lanes and addresses only from its issue on, so they are
 * always in place when read.
 */
final class EmulatedWarpStream implements WarpStream {

  private final EmulatedKernel kernel;
  private final EmulatedBlock block;
  private final Warp warp;
  private Runnable wake;

  /** Entries [0, executed) are executed; [executed, produced) are look-ahead. */
  private int executed;
  private int produced;
  private int[] ids = new int[64];
  private int[] masks = new int[64];
  private byte[] counts = new byte[64];
  /**
   * Entry i's addresses start at addressStart[i]: its count of them, or first and stride.
   * Look-ahead entries have none, so their starts all equal addressStart[executed].
   */
  private int[] addressStart = new int[65];
  private long[] addresses = new long[64];
  private boolean exited;
  /** PC of the next look-ahead entry, or -1 when the path ahead is not certain. */
  private int lookAheadPc = -1;

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

  /** Steps the emulator's warp, or looks ahead, until entry {@code upTo} exists or neither can. */
  private void produce(int upTo) {
    while (produced <= upTo && !exited) {
      if (executed < produced) {
        if (canExecuteNext()) {
          kernel.step(this, warp);
        } else if (!lookAhead()) {
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
        if (block.releaseBarrier()) {
          continue;
        }
        int at = kernel.grid.onlyWholeCtaBarriers() ? warp.waitingPc() : -1;
        if (at < 0) {
          return;
        }
        lookAheadPc = at + 16;
        if (!lookAhead()) {
          return;
        }
        continue;
      }
      if (kernel.readsClock(pc)) {
        lookAheadPc = pc;
        lookAhead();
        continue;
      }
      kernel.step(this, warp);
    }
  }

  /**
   * Whether the first look-ahead entry can be executed now: it is no clock read, and the warp
   * is not held at a barrier (or the barrier completes now).
   */
  private boolean canExecuteNext() {
    if (kernel.readsClock(kernel.pcOf(ids[executed]))) {
      return false;
    }
    return !warp.isWaiting() || block.releaseBarrier();
  }

  /** Adds the next look-ahead entry; false when the path ahead is not certain. */
  private boolean lookAhead() {
    int pc = lookAheadPc;
    if (pc < 0 || pc >> 4 >= kernel.grid.instructionCount()) {
      return false;
    }
    if (produced == ids.length) {
      grow();
    }
    ids[produced] = kernel.instructionId(pc);
    masks[produced] = 0;
    counts[produced] = 0;
    addressStart[produced + 1] = addressStart[produced];
    produced++;
    lookAheadPc = kernel.grid.fallsThrough(pc) ? pc + 16 : -1;
    return true;
  }

  @Override
  public void issued(int i, long cycle) {
    // Entries before i have issued, so they are executed; look-ahead up to i runs now.
    while (executed <= i) {
      if (warp.isWaiting() && !block.releaseBarrier()) {
        throw new IllegalStateException(String.format("warp %d of CTA %d: entry %d issues past "
            + "a barrier that has not completed in the emulator", warp.warpInCta(),
            block.linearId(), i));
      }
      if (executed == i && kernel.readsClock(kernel.pcOf(ids[i]))) {
        kernel.stepClockRead(this, warp, cycle);
      } else {
        kernel.step(this, warp);
      }
    }
  }

  /** The emulator executed an instruction of this warp ({@link EmulatedKernel} passes it on). */
  void executed(int id, ExecutedInstruction e, boolean memory, long[] lanes) {
    int mask = e.executedMask();
    if (executed < produced && ids[executed] != id) {
      throw new IllegalStateException(String.format("warp %d of CTA %d: look-ahead entry %d "
          + "named PC 0x%x, the emulator executed PC 0x%x", warp.warpInCta(), block.linearId(),
          executed, kernel.pcOf(ids[executed]), e.pc()));
    }
    int n = 0;
    if (memory) {
      if (e.hasAddresses()) {
        for (int m = mask; m != 0; m &= m - 1) {
          lanes[n++] = e.address(Integer.numberOfTrailingZeros(m));
        }
      } else {
        mask = 0; // an access the emulator did not perform, recorded as predicated off (as traced)
      }
    }
    write(id, mask, lanes, n);
  }

  /** Writes entry {@code executed}: a new one, or a look-ahead entry now with its lanes. */
  private void write(int id, int mask, long[] lanes, int n) {
    int i = executed;
    if (i == ids.length) {
      grow();
    }
    int at = addressStart[i];
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
    ids[i] = id;
    masks[i] = mask;
    counts[i] = (byte) n;
    executed++;
    if (produced < executed) {
      produced = executed;
    }
    for (int k = i + 1; k <= produced; k++) {
      addressStart[k] = at + stored;
    }
  }

  private void grow() {
    int size = ids.length * 2;
    ids = Arrays.copyOf(ids, size);
    masks = Arrays.copyOf(masks, size);
    counts = Arrays.copyOf(counts, size);
    addressStart = Arrays.copyOf(addressStart, size + 1);
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
  public void copyAddresses(int i, long[] into) {
    int n = counts[i];
    int at = addressStart[i];
    if (isStrided(i)) {
      for (int k = 0; k < n; k++) {
        into[k] = addresses[at] + k * addresses[at + 1];
      }
    } else {
      System.arraycopy(addresses, at, into, 0, n);
    }
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

  @Override
  public String toString() {
    return "warp " + warp.warpInCta() + " (" + executed + " instructions executed, "
        + (produced - executed) + " ahead)";
  }
}
