package io.sassim.traces.stats;

import java.util.Arrays;

/**
 * A set of {@code long}s with open addressing and linear probing, so counting distinct sectors
 * boxes nothing. It stops growing at {@code limit} elements: later new values are dropped and
 * {@link #isSaturated()} turns true, which keeps a huge footprint from exhausting the heap at the
 * price of a lower bound instead of an exact count.
 */
final class LongHashSet {

  /** Marks a free slot; the value itself is tracked by {@link #hasEmptyMarker}. */
  private static final long FREE = Long.MIN_VALUE;
  private static final int INITIAL_CAPACITY = 1024;

  private final int limit;
  private long[] slots;
  private int size;
  private boolean hasEmptyMarker;
  private boolean saturated;

  /** @param limit the most elements kept; at least 1 */
  LongHashSet(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
    this.slots = newSlots(INITIAL_CAPACITY);
  }

  /** Adds {@code value}; returns true when it was new and kept. */
  boolean add(long value) {
    if (value == FREE) {
      if (hasEmptyMarker) {
        return false;
      }
      if (size == limit) {
        saturated = true;
        return false;
      }
      hasEmptyMarker = true;
      size++;
      return true;
    }
    int i = probe(value);
    if (slots[i] == value) {
      return false;
    }
    if (size == limit) {
      saturated = true;
      return false;
    }
    slots[i] = value;
    size++;
    // Keep the load at or below one half, so probe runs stay short.
    if (2 * size > slots.length) {
      grow();
    }
    return true;
  }

  boolean contains(long value) {
    if (value == FREE) {
      return hasEmptyMarker;
    }
    return slots[probe(value)] == value;
  }

  /** The slot that holds {@code value}, or the free slot where it belongs. */
  private int probe(long value) {
    int mask = slots.length - 1;
    int i = (int) mix(value) & mask;
    while (slots[i] != FREE && slots[i] != value) {
      i = (i + 1) & mask;
    }
    return i;
  }

  int size() {
    return size;
  }

  /** True when a value was dropped because the set was full: {@link #size()} is a lower bound. */
  boolean isSaturated() {
    return saturated;
  }

  /**
   * Adds every element of {@code other} shifted right by {@code shift} bits (0 copies them): how
   * sectors become lines and a kernel's sectors join the program's.
   */
  void addAll(LongHashSet other, int shift) {
    if (other.hasEmptyMarker) {
      add(FREE >>> shift);
    }
    for (long v : other.slots) {
      if (v != FREE) {
        add(v >>> shift);
      }
    }
    if (other.saturated) {
      saturated = true;
    }
  }

  void clear() {
    slots = newSlots(INITIAL_CAPACITY);
    size = 0;
    hasEmptyMarker = false;
    saturated = false;
  }

  private void grow() {
    long[] old = slots;
    slots = newSlots(old.length * 2);
    for (long v : old) {
      if (v != FREE) {
        slots[probe(v)] = v;
      }
    }
  }

  private static long[] newSlots(int capacity) {
    long[] s = new long[capacity];
    Arrays.fill(s, FREE);
    return s;
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: sequential sectors spread evenly. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
