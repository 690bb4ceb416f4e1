package io.sassim.sim.l1;

import java.util.Arrays;

/**
 * Tags of a set-associative cache with least-recently-used replacement and a valid bit per
 * sector. Lines are identified by line number (address / line size); set = line mod sets.
 */
final class SectoredTagArray {

  private static final long EMPTY = -1;

  private final int sets;
  private final int ways;
  private final long[] tags;
  private final int[] valid;
  private final long[] lastUse;
  private long clock;

  SectoredTagArray(int sets, int ways) {
    this.sets = sets;
    this.ways = ways;
    this.tags = new long[sets * ways];
    this.valid = new int[sets * ways];
    this.lastUse = new long[sets * ways];
    Arrays.fill(tags, EMPTY);
  }

  int capacityLines() {
    return sets * ways;
  }

  private int find(long line) {
    int base = (int) (line & (sets - 1)) * ways;
    for (int w = base; w < base + ways; w++) {
      if (tags[w] == line) {
        return w;
      }
    }
    return -1;
  }

  /** The valid sectors of {@code line} among {@code sectors}; a hit makes the line most recent. */
  int lookup(long line, int sectors) {
    int w = find(line);
    if (w < 0) {
      return 0;
    }
    int hit = valid[w] & sectors;
    if (hit != 0) {
      lastUse[w] = ++clock;
    }
    return hit;
  }

  /** Marks {@code sectors} of {@code line} valid, replacing the set's least recent line if absent. */
  void fill(long line, int sectors) {
    int w = find(line);
    if (w < 0) {
      int base = (int) (line & (sets - 1)) * ways;
      w = base;
      for (int i = base; i < base + ways; i++) {
        if (tags[i] == EMPTY) {
          w = i;
          break;
        }
        if (lastUse[i] < lastUse[w]) {
          w = i;
        }
      }
      tags[w] = line;
      valid[w] = 0;
    }
    valid[w] |= sectors;
    lastUse[w] = ++clock;
  }

  /** Whether any sector of {@code line} is present (for write-through updates). */
  boolean contains(long line) {
    return find(line) >= 0;
  }

  /** Drops {@code line}. */
  void invalidate(long line) {
    int w = find(line);
    if (w >= 0) {
      tags[w] = EMPTY;
      valid[w] = 0;
    }
  }
}
