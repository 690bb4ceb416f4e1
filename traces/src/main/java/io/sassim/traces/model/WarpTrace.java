package io.sassim.traces.model;

import java.util.Arrays;

/**
 * The dynamic instruction stream of one warp, in execution order, stored as parallel primitive
 * arrays so that replaying it allocates nothing. Entry {@code i} names a static instruction by its
 * {@link InstructionTable} id, carries the lanes that executed it, and, for memory instructions,
 * one address per active lane in lane order.
 */
public final class WarpTrace {

  /** How the addresses of an entry were written in an Accel-Sim trace; kept for faithful output. */
  public static final byte MODE_NONE = -1;

  private final int warpInCta;
  private final int length;
  private final int[] instructionIds;
  private final int[] activeMasks;
  private final int[] addressStart;
  private final long[] addresses;
  private final byte[] addressModes;

  WarpTrace(
      int warpInCta,
      int length,
      int[] instructionIds,
      int[] activeMasks,
      int[] addressStart,
      long[] addresses,
      byte[] addressModes) {
    this.warpInCta = warpInCta;
    this.length = length;
    this.instructionIds = instructionIds;
    this.activeMasks = activeMasks;
    this.addressStart = addressStart;
    this.addresses = addresses;
    this.addressModes = addressModes;
  }

  /**
   * A warp stream over arrays a decoder filled to exactly the right size; the trace owns them
   * from here on, so the caller must not touch them again. This spares fast readers the
   * builder's copy.
   *
   * @param addressStart {@code length + 1} offsets: entry i's addresses are {@code
   *     addresses[addressStart[i] .. addressStart[i + 1])}
   */
  public static WarpTrace wrap(
      int warpInCta,
      int[] instructionIds,
      int[] activeMasks,
      int[] addressStart,
      long[] addresses,
      byte[] addressModes) {
    int length = instructionIds.length;
    if (activeMasks.length != length
        || addressModes.length != length
        || addressStart.length != length + 1
        || addressStart[0] != 0
        || addressStart[length] != addresses.length) {
      throw new IllegalArgumentException("warp " + warpInCta + ": array sizes disagree");
    }
    return new WarpTrace(
        warpInCta, length, instructionIds, activeMasks, addressStart, addresses, addressModes);
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
    return addressStart[i + 1] - addressStart[i];
  }

  /** Address {@code k} of entry {@code i}, for the k-th active lane in lane order. */
  public long address(int i, int k) {
    return addresses[addressStart[i] + k];
  }

  /** The Accel-Sim compression mode the entry was read with (0, 1, 2), or {@link #MODE_NONE}. */
  public int addressMode(int i) {
    return addressModes[i];
  }

  /** Total number of addresses in this warp. */
  public int totalAddresses() {
    return addressStart[length];
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
    return Arrays.equals(instructionIds, 0, length, w.instructionIds, 0, length)
        && Arrays.equals(activeMasks, 0, length, w.activeMasks, 0, length)
        && Arrays.equals(addressStart, 0, length + 1, w.addressStart, 0, length + 1)
        && Arrays.equals(addresses, 0, totalAddresses(), w.addresses, 0, w.totalAddresses())
        && Arrays.equals(addressModes, 0, length, w.addressModes, 0, length);
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

  /** Collects one warp's stream; grows its arrays as needed. */
  public static final class Builder {
    private final int warpInCta;
    private int length;
    private int[] instructionIds;
    private int[] activeMasks;
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
     * @param expectedAddresses a capacity hint for the addresses of all entries; a reader that
     *     knows the total avoids regrowing the largest array
     */
    public Builder(int warpInCta, int expectedLength, int expectedAddresses) {
      this.warpInCta = warpInCta;
      int capacity = Math.max(1, expectedLength);
      instructionIds = new int[capacity];
      activeMasks = new int[capacity];
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
     * @param count how many addresses to take from {@code laneAddresses}
     * @param mode the Accel-Sim compression mode it came with, or {@link #MODE_NONE}
     */
    public Builder add(int instructionId, int activeMask, long[] laneAddresses, int count, int mode) {
      if (shared) {
        unshare();
      }
      if (length == instructionIds.length) {
        int capacity = length * 2;
        instructionIds = Arrays.copyOf(instructionIds, capacity);
        activeMasks = Arrays.copyOf(activeMasks, capacity);
        addressModes = Arrays.copyOf(addressModes, capacity);
        addressStart = Arrays.copyOf(addressStart, capacity + 1);
      }
      int start = addressStart[length];
      if (start + count > addresses.length) {
        addresses = Arrays.copyOf(addresses, Math.max(addresses.length * 2, start + count));
      }
      System.arraycopy(laneAddresses, 0, addresses, start, count);
      instructionIds[length] = instructionId;
      activeMasks[length] = activeMask;
      addressModes[length] = (byte) mode;
      addressStart[length + 1] = start + count;
      length++;
      return this;
    }

    /** Appends an entry without addresses. */
    public Builder add(int instructionId, int activeMask) {
      return add(instructionId, activeMask, NO_ADDRESSES, 0, MODE_NONE);
    }

    private static final long[] NO_ADDRESSES = new long[0];

    /**
     * The trace so far. An array that is exactly full is handed over instead of copied, so a
     * reader that sized the builder exactly allocates each array once; the builder copies its
     * arrays before any later {@link #add}, so the trace stays immutable.
     */
    public WarpTrace build() {
      shared = true;
      int total = addressStart[length];
      return new WarpTrace(
          warpInCta,
          length,
          instructionIds.length == length ? instructionIds : Arrays.copyOf(instructionIds, length),
          activeMasks.length == length ? activeMasks : Arrays.copyOf(activeMasks, length),
          addressStart.length == length + 1 ? addressStart : Arrays.copyOf(addressStart, length + 1),
          addresses.length == total ? addresses : Arrays.copyOf(addresses, total),
          addressModes.length == length ? addressModes : Arrays.copyOf(addressModes, length));
    }

    /** Stops sharing arrays with a trace built earlier. */
    private void unshare() {
      instructionIds = instructionIds.clone();
      activeMasks = activeMasks.clone();
      addressStart = addressStart.clone();
      addresses = addresses.clone();
      addressModes = addressModes.clone();
      shared = false;
    }
  }
}
