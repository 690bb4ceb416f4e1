package io.sassim.sim.memory;

import java.util.Arrays;

/**
 * The tag store of one L2 partition: all its slices, each set-associative with LRU replacement,
 * each line with a valid and a dirty bit per 32-byte sector. Entries are primitive columns
 * indexed {@code (slice * sets + set) * ways + way}; nothing is allocated after construction.
 *
 * <p>Besides its sectors an entry records which partition brought the line in (its owner: a
 * line another partition evicted into this one as a victim keeps that partition as owner) and
 * the tick at which its most recently requested data is in the slice; a hit on a line whose
 * fill is still on its way waits for it, which merges misses to the same line.
 */
final class L2Partition {

  static final long NO_LINE = Long.MIN_VALUE;

  private final int sets;
  private final int ways;
  final long[] tag;
  final byte[] valid;
  final byte[] dirty;
  final byte[] owner;
  final long[] readyTick;
  private final long[] lastUse;
  private long useClock;

  L2Partition(int slices, int sets, int ways) {
    this.sets = sets;
    this.ways = ways;
    int n = Math.multiplyExact(Math.multiplyExact(slices, sets), ways);
    tag = new long[n];
    valid = new byte[n];
    dirty = new byte[n];
    owner = new byte[n];
    readyTick = new long[n];
    lastUse = new long[n];
    Arrays.fill(tag, NO_LINE);
  }

  /** First entry of a slice's set. */
  int setBase(int slice, int set) {
    return (slice * sets + set) * ways;
  }

  /** The entry holding {@code line} in the set at {@code base}, or -1. */
  int find(int base, long line) {
    for (int w = base, end = base + ways; w < end; w++) {
      if (tag[w] == line) {
        return w;
      }
    }
    return -1;
  }

  /** The entry to replace in the set at {@code base}: an empty one, else the least recent. */
  int victim(int base) {
    int best = base;
    for (int w = base, end = base + ways; w < end; w++) {
      if (tag[w] == NO_LINE) {
        return w;
      }
      if (lastUse[w] < lastUse[best]) {
        best = w;
      }
    }
    return best;
  }

  /** Makes {@code entry} hold {@code line} with no sectors (after its old line was dealt with). */
  void install(int entry, long line, int ownerPartition) {
    tag[entry] = line;
    valid[entry] = 0;
    dirty[entry] = 0;
    owner[entry] = (byte) ownerPartition;
    readyTick[entry] = 0;
    touch(entry);
  }

  void touch(int entry) {
    lastUse[entry] = ++useClock;
  }

  /** Drops sectors {@code mask} of an entry; an entry left without sectors becomes empty. */
  void drop(int entry, int mask) {
    valid[entry] &= (byte) ~mask;
    dirty[entry] &= (byte) ~mask;
    if (valid[entry] == 0) {
      tag[entry] = NO_LINE;
      dirty[entry] = 0;
    }
  }
}
