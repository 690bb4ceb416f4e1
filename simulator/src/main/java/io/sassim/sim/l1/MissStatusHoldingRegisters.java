package io.sassim.sim.l1;

import java.util.Arrays;

/**
 * The L1's miss status holding registers: one entry per line in flight to the lower memory,
 * with the sectors requested so far and the instructions waiting for it. A second miss on a
 * line in flight merges into its entry (no new request for sectors already asked for). An
 * entry is freed when every request it sent has been answered. Lines are found through a
 * chained hash table held in int arrays.
 */
public final class MissStatusHoldingRegisters {

  private final int merges;
  private final long[] lines;
  private final int[] requested;
  private final int[] outstanding;
  private final boolean[] allocates;
  private final int[] waiterCount;
  private final int[][] waiters;
  private final int[] next;
  private final int[] heads;
  private final int[] freeStack;
  private int freeCount;

  public MissStatusHoldingRegisters(int entries, int merges) {
    this.merges = merges;
    lines = new long[entries];
    requested = new int[entries];
    outstanding = new int[entries];
    allocates = new boolean[entries];
    waiterCount = new int[entries];
    waiters = new int[entries][merges];
    next = new int[entries];
    heads = new int[Integer.highestOneBit(Math.max(1, entries - 1)) * 2];
    Arrays.fill(heads, -1);
    freeStack = new int[entries];
    for (int i = 0; i < entries; i++) {
      freeStack[i] = entries - 1 - i;
    }
    freeCount = entries;
  }

  private int bucket(long line) {
    long h = line * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (heads.length - 1);
  }

  /** The entry holding {@code line}, or -1. */
  public int find(long line) {
    for (int e = heads[bucket(line)]; e >= 0; e = next[e]) {
      if (lines[e] == line) {
        return e;
      }
    }
    return -1;
  }

  public int freeEntries() {
    return freeCount;
  }

  public boolean inUse() {
    return freeCount < lines.length;
  }

  /** Whether entry {@code e} can take one more waiting instruction. */
  public boolean canMerge(int e) {
    return waiterCount[e] < merges;
  }

  /** A new entry for {@code line}; the caller checked {@link #freeEntries()}. */
  public int allocate(long line, boolean allocateOnFill) {
    int e = freeStack[--freeCount];
    lines[e] = line;
    requested[e] = 0;
    outstanding[e] = 0;
    allocates[e] = allocateOnFill;
    waiterCount[e] = 0;
    int b = bucket(line);
    next[e] = heads[b];
    heads[b] = e;
    return e;
  }

  /** Sectors among {@code sectors} that entry {@code e} has not requested yet. */
  public int unrequested(int e, int sectors) {
    return sectors & ~requested[e];
  }

  /** Entry {@code e} sent a request for {@code sectors}. */
  public void requested(int e, int sectors) {
    requested[e] |= sectors;
    outstanding[e]++;
  }

  public void allocateOnFill(int e) {
    allocates[e] = true;
  }

  public void addWaiter(int e, int waiter) {
    waiters[e][waiterCount[e]++] = waiter;
  }

  /** One of entry {@code e}'s requests was answered; true when none is outstanding any more. */
  public boolean answered(int e) {
    return --outstanding[e] == 0;
  }

  public long line(int e) {
    return lines[e];
  }

  public int requestedSectors(int e) {
    return requested[e];
  }

  public boolean allocates(int e) {
    return allocates[e];
  }

  public int waiterCount(int e) {
    return waiterCount[e];
  }

  public int waiter(int e, int i) {
    return waiters[e][i];
  }

  /** Frees entry {@code e}. */
  public void release(int e) {
    int b = bucket(lines[e]);
    if (heads[b] == e) {
      heads[b] = next[e];
    } else {
      int p = heads[b];
      while (next[p] != e) {
        p = next[p];
      }
      next[p] = next[e];
    }
    freeStack[freeCount++] = e;
  }
}
