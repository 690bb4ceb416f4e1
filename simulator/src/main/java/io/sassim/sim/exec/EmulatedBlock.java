package io.sassim.sim.exec;

import io.sassim.isa.emu.ThreadBlock;
import io.sassim.isa.emu.Warp;
import io.sassim.sim.core.WarpStream;

/**
 * One CTA of an execution-driven run: the emulator's block and its warps' streams. A CTA barrier
 * completes in the emulator once every warp of the block waits at it there (or has exited), so
 * a warp's stream gives nothing past a BAR before the data the other warps stored before it is
 * in shared memory. The timing model's own barrier, taken at issue, is unchanged.
 */
final class EmulatedBlock {

  private final EmulatedKernel kernel;
  private final ThreadBlock block;
  final EmulatedWarpStream[] streams;
  private int exited;

  private final long linearId;

  EmulatedBlock(EmulatedKernel kernel, ThreadBlock block, long linearId) {
    this.kernel = kernel;
    this.block = block;
    this.linearId = linearId;
    this.streams = new EmulatedWarpStream[block.warpCount()];
    for (int w = 0; w < streams.length; w++) {
      streams[w] = new EmulatedWarpStream(kernel, this, block.warp(w));
    }
  }

  long linearId() {
    return linearId;
  }

  WarpStream[] warps() {
    return streams;
  }

  /**
   * Called by a stream whose warp waits: completes the block's barriers if every warp waits or
   * has exited, and wakes the warps in the model. False when another warp has yet to arrive.
   */
  boolean releaseBarrier() {
    for (int w = 0; w < block.warpCount(); w++) {
      Warp warp = block.warp(w);
      if (!warp.isFinished() && !warp.isWaiting()) {
        return false;
      }
    }
    if (!block.releaseBarriers()) {
      // Every warp waits and no barrier completes: the emulator's deadlock.
      throw new EmulationFailure(block.deadlock());
    }
    for (EmulatedWarpStream s : streams) {
      s.wakeModel();
    }
    return true;
  }

  /** A stream saw its warp exit; when all have, the emulator's block can run another CTA. */
  void warpExited() {
    if (++exited == streams.length) {
      kernel.recycle(block);
    }
  }
}
