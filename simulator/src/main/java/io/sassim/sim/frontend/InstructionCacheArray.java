package io.sassim.sim.frontend;

import io.sassim.sim.config.CacheGeometry;
import java.util.Arrays;

/**
 * Tags of a set-associative instruction cache with LRU replacement. Each line also records the
 * cycle its data arrives, so a line still being filled doubles as its own miss-status entry.
 */
final class InstructionCacheArray {

  private static final long EMPTY = -1;

  private final int sets;
  private final int ways;
  private final long[] tags;
  private final long[] readyAt;
  private final long[] lastUse;

  InstructionCacheArray(CacheGeometry geometry) {
    this.sets = geometry.sets();
    this.ways = geometry.ways();
    this.tags = new long[sets * ways];
    this.readyAt = new long[sets * ways];
    this.lastUse = new long[sets * ways];
    Arrays.fill(tags, EMPTY);
  }

  /** Fetch is sequential: most lookups repeat the previous line, so remember where it was. */
  private long lastLine = EMPTY;
  private int lastSlot;

  /** The slot holding {@code line}, or -1. */
  int find(long line) {
    if (line == lastLine && tags[lastSlot] == line) {
      return lastSlot;
    }
    int base = (int) Math.floorMod(line, (long) sets) * ways;
    for (int w = 0; w < ways; w++) {
      if (tags[base + w] == line) {
        lastLine = line;
        lastSlot = base + w;
        return base + w;
      }
    }
    return -1;
  }

  long readyAt(int slot) {
    return readyAt[slot];
  }

  void touch(int slot, long cycle) {
    lastUse[slot] = cycle;
  }

  /** Puts {@code line} in, evicting the least recently used line of its set. */
  void insert(long line, long arrives, long cycle) {
    int base = (int) Math.floorMod(line, (long) sets) * ways;
    int victim = base;
    for (int w = 0; w < ways; w++) {
      int s = base + w;
      if (tags[s] == EMPTY) {
        victim = s;
        break;
      }
      if (lastUse[s] < lastUse[victim]) {
        victim = s;
      }
    }
    tags[victim] = line;
    readyAt[victim] = arrives;
    lastUse[victim] = cycle;
  }
}
