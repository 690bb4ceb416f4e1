package io.sassim.sim.core;

/** A resident thread block: its warps and the barrier count. */
final class BlockState {

  final long linearId;
  final int warpCount;
  /** Warps that have not issued their last instruction. */
  int liveWarps;
  int arrivedAtBarrier;
  int finishedWarps;

  BlockState(long linearId, int warpCount) {
    this.linearId = linearId;
    this.warpCount = warpCount;
    this.liveWarps = warpCount;
  }
}
