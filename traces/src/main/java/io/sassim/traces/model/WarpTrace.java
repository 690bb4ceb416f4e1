package io.sassim.traces.model;

import java.util.Arrays;

/**
 * The dynamic instruction stream of one warp, in execution order, stored as parallel primitive
 * arrays so that replaying it allocates nothing. Entry {@code i} names a static instruction by its
 * {@link InstructionTable} id, carries the lanes that executed it, and, for memory instructions,
 * one address per active lane in lane order.
 *
 * <p>Most warp accesses are an arithmetic progression over the lanes (unit-stride loads, a
 * broadcast). Such an entry of three or more addresses is kept as its first address and stride,
 * two longs instead of up to 32, which is what makes large traces cheap to hold and to decode;
 * {@link #address} expands it on demand. Every other entry keeps its addresses as listed.
 */
public final class WarpTrace {

  /** How the addresses of an entry were written in an Accel-Sim trace; kept for faithful output. */
  public static final byte MODE_NONE = -1;

  /** Fewest addresses kept as first address and stride; two addresses cost the same either way. */
  static final int MIN_STRIDED = 3;

  /** Most addresses one entry may carry: one per lane. */
  public static final int MAX_ADDRESSES = 32;

  private final int warpInCta;
  private final int length;
  private final int[] instructionIds;
  private final int[] activeMasks;
  private final byte[] addressCounts;
  private final int[] addressStart;
  private final long[] addresses;
  private final byte[] addressModes;
  private final int totalAddresses;

  WarpTrace(
      int warpInCta,
      int length,
      int[] instructionIds,
      int[] activeMasks,
      byte[] addressCounts,
      int[] addressStart,
      long[] addresses,
      byte[] addressModes) {
    this(warpInCta, length, instructionIds, activeMasks, addressCounts, addressStart, addresses,
        addressModes, sum(addressCounts, length));
  }

  private WarpTrace(
      int warpInCta,
      int length,
      int[] instructionIds,
      int[] activeMasks,
      byte[] addressCounts,
      int[] addressStart,
      long[] addresses,
      byte[] addressModes,
      int totalAddresses) {
    this.warpInCta = warpInCta;
    this.length = length;
    this.instructionIds = instructionIds;
    this.activeMasks = activeMasks;
    this.addressCounts = addressCounts;
    this.addressStart = addressStart;
    this.addresses = addresses;
    this.addressModes = addressModes;
    this.totalAddresses = totalAddresses;
  }

  private static int sum(byte[] counts, int length) {
    int total = 0;
    for (int i = 0; i < length; i++) {
      total += counts[i];
    }
    return total;
  }

  /**
   * A warp stream over arrays a decoder filled to exactly the right size; the trace owns them
   * from here on, so the caller must not touch them again. This spares fast readers the
   * builder's copy.
   *
   * @param addressCounts addresses of each entry, 0 to {@link #MAX_ADDRESSES}
   * @param addressStart {@code length + 1} offsets into {@code addresses}: entry i stores either
   *     its {@code addressCounts[i]} addresses, or, when it has three or more in arithmetic
   *     progression, just two longs: the first address and the stride
   */
  public static WarpTrace wrap(
      int warpInCta,
      int[] instructionIds,
      int[] activeMasks,
      byte[] addressCounts,
      int[] addressStart,
      long[] addresses,
      byte[] addressModes) {
    int length = instructionIds.length;
    if (activeMasks.length != length
        || addressModes.length != length
        || addressCounts.length != length
        || addressStart.length != length + 1
        || addressStart[0] != 0
        || addressStart[length] != addresses.length) {
      throw new IllegalArgumentException("warp " + warpInCta + ": array sizes disagree");
    }
    int total = 0;
    for (int i = 0; i < length; i++) {
      int count = addressCounts[i];
      int stored = addressStart[i + 1] - addressStart[i];
      if (count < 0 || count > MAX_ADDRESSES
          || (stored != count && !(stored == 2 && count >= MIN_STRIDED))) {
        throw new IllegalArgumentException(
            "warp " + warpInCta + " entry " + i + ": " + stored + " longs for " + count + " addresses");
      }
      total += count;
    }
    return new WarpTrace(warpInCta, length, instructionIds, activeMasks, addressCounts,
        addressStart, addresses, addressModes, total);
  }

  /** Warp index inside its CTA: linear thread id / 32. */
  public int warpInCta() {
    return warpInCta;
  }

  /** Number of dynamic warp instructions. */
  public int length() {
    return length;
  }

  public int instructionId(int i) {
    return instructionIds[i];
  }

  /** Bit {@code l} set: lane {@code l} executed entry {@code i} (active and guard true). */
  public int activeMask(int i) {
    return activeMasks[i];
  }

  /** Number of addresses recorded for entry {@code i}: its active lanes if it accesses memory. */
  public int addressCount(int i) {
    return addressCounts[i];
  }

  /**
   * Address {@code k} of entry {@code i}, for the k-th active lane in lane order; {@code k} must
   * be below {@link #addressCount(int)}.
   */
  public long address(int i, int k) {
    int at = addressStart[i];
    return isStrided(i) ? addresses[at] + k * addresses[at + 1] : addresses[at + k];
  }

  /**
   * Copies the {@link #addressCount} addresses of entry {@code i}, in the order {@link #address}
   * gives them, into {@code into}: one bulk copy for a listed entry.
   */
  public void copyAddresses(int i, long[] into) {
    int n = addressCounts[i];
    int at = addressStart[i];
    if (isStrided(i)) {
      long first = addresses[at];
      long stride = addresses[at + 1];
      for (int k = 0; k < n; k++) {
        into[k] = first + k * stride;
      }
    } else {
      System.arraycopy(addresses, at, into, 0, n);
    }
  }

  /**
   * True when entry {@code i}'s addresses form an arithmetic progression kept as {@link
   * #address(int, int) address(i, 0)} and {@link #stride(int)}.
   */
  public boolean isStrided(int i) {
    return addressStart[i + 1] - addressStart[i] != addressCounts[i];
  }

  /** The distance between consecutive addresses of a strided entry. */
  public long stride(int i) {
    if (!isStrided(i)) {
      throw new IllegalStateException("entry " + i + " is not strided");
    }
    return addresses[addressStart[i] + 1];
  }

  /** The Accel-Sim compression mode the entry was read with (0, 1, 2), or {@link #MODE_NONE}. */
  public int addressMode(int i) {
    return addressModes[i];
  }

  /** Total number of addresses in this warp, strided entries counted lane by lane. */
  public int totalAddresses() {
    return totalAddresses;
  }

  /**
   * Same warp number and, entry by entry, the same instruction id, active mask, addresses and
   * address mode: the mode decides how a trace is written back, so two warps that differ in it
   * are not interchangeable.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WarpTrace w) || w.warpInCta != warpInCta || w.length != length) {
      return false;
    }
    if (!Arrays.equals(instructionIds, 0, length, w.instructionIds, 0, length)
        || !Arrays.equals(activeMasks, 0, length, w.activeMasks, 0, length)
        || !Arrays.equals(addressCounts, 0, length, w.addressCounts, 0, length)
        || !Arrays.equals(addressModes, 0, length, w.addressModes, 0, length)) {
      return false;
    }
    // Addresses compare by value: one warp may keep a progression compact, the other listed.
    for (int i = 0; i < length; i++) {
      for (int k = addressCounts[i] - 1; k >= 0; k--) {
        if (address(i, k) != w.address(i, k)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Cheap on purpose: equal warps agree on these two, whatever else equals compares. */
  @Override
  public int hashCode() {
    return 31 * warpInCta + length;
  }

  @Override
  public String toString() {
    return "warp " + warpInCta + " (" + length + " instructions)";
  }

  /**
   * Collects one warp's stream; grows its arrays as needed. Entries of three or more addresses
   * in arithmetic progression are stored compactly, whichever way they are added.
   */
  public static final class Builder {
    private final int warpInCta;
    private int length;
    private int[] instructionIds;
    private int[] activeMasks;
    private byte[] addressCounts;
    private int[] addressStart;
    private long[] addresses;
    private byte[] addressModes;
    private boolean shared;

    public Builder(int warpInCta) {
      this(warpInCta, 16);
    }

    /** @param expectedLength a capacity hint, such as the {@code insts =} count of a trace */
    public Builder(int warpInCta, int expectedLength) {
      this(warpInCta, expectedLength, Math.max(32, expectedLength));
    }

    /**
     * @param expectedLength a capacity hint for the entries
     * @param expectedAddresses a capacity hint for the stored addresses of all entries
     */
    public Builder(int warpInCta, int expectedLength, int expectedAddresses) {
      this.warpInCta = warpInCta;
      int capacity = Math.max(1, expectedLength);
      instructionIds = new int[capacity];
      activeMasks = new int[capacity];
      addressCounts = new byte[capacity];
      addressModes = new byte[capacity];
      addressStart = new int[capacity + 1];
      addresses = new long[Math.max(1, expectedAddresses)];
    }

    public int length() {
      return length;
    }

    /**
     * Appends one entry.
     *
     * @param count how many addresses to take from {@code laneAddresses}, at most {@link
     *     #MAX_ADDRESSES}
     * @param mode the Accel-Sim compression mode it came with, or {@link #MODE_NONE}
     */
    public Builder add(int instructionId, int activeMask, long[] laneAddresses, int count, int mode) {
      if (count >= MIN_STRIDED) {
        long stride = laneAddresses[1] - laneAddresses[0];
        boolean progression = true;
        for (int k = 2; k < count && progression; k++) {
          progression = laneAddresses[k] - laneAddresses[k - 1] == stride;
        }
        if (progression) {
          return addStrided(instructionId, activeMask, laneAddresses[0], stride, count, mode);
        }
      }
      int start = append(instructionId, activeMask, count, mode, count);
      System.arraycopy(laneAddresses, 0, addresses, start, count);
      return this;
    }

    /** Appends an entry whose lane k accesses {@code first + k * stride}. */
    public Builder addStrided(
        int instructionId, int activeMask, long first, long stride, int count, int mode) {
      if (count < MIN_STRIDED) {
        int start = append(instructionId, activeMask, count, mode, count);
        for (int k = 0; k < count; k++) {
          addresses[start + k] = first + k * stride;
        }
        return this;
      }
      int start = append(instructionId, activeMask, count, mode, 2);
      addresses[start] = first;
      addresses[start + 1] = stride;
      return this;
    }

    /** Appends an entry without addresses. */
    public Builder add(int instructionId, int activeMask) {
      append(instructionId, activeMask, 0, MODE_NONE, 0);
      return this;
    }

    /** Adds the entry's fixed fields and room for {@code stored} longs; returns where they go. */
    private int append(int instructionId, int activeMask, int count, int mode, int stored) {
      if (count < 0 || count > MAX_ADDRESSES) {
        throw new IllegalArgumentException(count + " addresses for one entry; at most " + MAX_ADDRESSES);
      }
      if (shared) {
        unshare();
      }
      if (length == instructionIds.length) {
        int capacity = length * 2;
        instructionIds = Arrays.copyOf(instructionIds, capacity);
        activeMasks = Arrays.copyOf(activeMasks, capacity);
        addressCounts = Arrays.copyOf(addressCounts, capacity);
        addressModes = Arrays.copyOf(addressModes, capacity);
        addressStart = Arrays.copyOf(addressStart, capacity + 1);
      }
      int start = addressStart[length];
      if (start + stored > addresses.length) {
        addresses = Arrays.copyOf(addresses, Math.max(addresses.length * 2, start + stored));
      }
      instructionIds[length] = instructionId;
      activeMasks[length] = activeMask;
      addressCounts[length] = (byte) count;
      addressModes[length] = (byte) mode;
      addressStart[length + 1] = start + stored;
      length++;
      return start;
    }

    /**
     * The trace so far. An array that is exactly full is handed over instead of copied, so a
     * reader that sized the builder exactly allocates each array once; the builder copies its
     * arrays before any later add, so the trace stays immutable.
     */
    public WarpTrace build() {
      shared = true;
      int stored = addressStart[length];
      return new WarpTrace(
          warpInCta,
          length,
          instructionIds.length == length ? instructionIds : Arrays.copyOf(instructionIds, length),
          activeMasks.length == length ? activeMasks : Arrays.copyOf(activeMasks, length),
          addressCounts.length == length ? addressCounts : Arrays.copyOf(addressCounts, length),
          addressStart.length == length + 1 ? addressStart : Arrays.copyOf(addressStart, length + 1),
          addresses.length == stored ? addresses : Arrays.copyOf(addresses, stored),
          addressModes.length == length ? addressModes : Arrays.copyOf(addressModes, length));
    }

    /** Stops sharing arrays with a trace built earlier. */
    private void unshare() {
      instructionIds = instructionIds.clone();
      activeMasks = activeMasks.clone();
      addressCounts = addressCounts.clone();
      addressStart = addressStart.clone();
      addresses = addresses.clone();
      addressModes = addressModes.clone();
      shared = false;
    }
  }
}
