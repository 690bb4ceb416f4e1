package io.sassim.sim.core;

/** A resident thread block: its warps, the barrier count, and the resources it holds. */
final class BlockState {

  final long linearId;
  final int warpCount;
  final int registers;
  final int sharedBytes;
  /** Warps that have not issued their last instruction. */
  int liveWarps;
  int arrivedAtBarrier;
  int finishedWarps;

  BlockState(long linearId, int warpCount, int registers, int sharedBytes) {
    this.linearId = linearId;
    this.warpCount = warpCount;
    this.registers = registers;
    this.sharedBytes = sharedBytes;
    this.liveWarps = warpCount;
  }
}
