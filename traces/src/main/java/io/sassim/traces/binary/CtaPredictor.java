package io.sassim.traces.binary;

import io.sassim.traces.model.WarpTrace;
import java.util.Arrays;

/**
 * What the CTA encoder and decoder both know about the entries coded so far in one block, used to
 * predict the next value so that only the (mostly zero) difference is stored. Both sides make the
 * same calls in the same order, so their predictions agree. State starts fresh in every block,
 * which keeps blocks independent of each other for random access.
 *
 * <p>The predictions, per static instruction: the next instruction id is the one that followed it
 * last time (straight-line code and loops repeat); the mask is the previous entry's, or this
 * instruction's last one; the address count is the number of active lanes; the first address
 * moves by the same step as between its last two executions; each further lane moves by the
 * previous lane's stride.
 */
final class CtaPredictor {

  /** A mask that is neither the previous entry's nor the instruction's last: 4 raw bytes follow. */
  static final int MASK_PREVIOUS = 0;
  static final int MASK_SAME_INSTRUCTION = 1;
  static final int MASK_EXPLICIT = 2;

  /**
   * Bits 0..1 of an entry's address flag: how lanes after the first are stored. Predicted: they
   * continue the stride this instruction had last time, and nothing is stored. Continued: each
   * lane's difference from the previous lane plus the stride between the two lanes before it.
   * Delta: each lane's difference from the previous lane. The bits above give how many low zero
   * bits were shifted out of every stored difference, the first lane's included.
   */
  static final int LANES_PREDICTED = 0;
  static final int LANES_CONTINUED = 1;
  static final int LANES_DELTA = 2;

  /** {@link #countState} value: the entry had one address per active lane. */
  private static final int FULL = -1;

  private int tableSize;
  private int[] successor = new int[0];
  private int[] lastMask = new int[0];
  private int[] countState = new int[0];
  private byte[] lastMode = new byte[0];
  private boolean[] seen = new boolean[0];
  private long[] lastFirst = new long[0];
  private long[] firstStep = new long[0];
  private long[] laneStride = new long[0];
  private long lastAddress;

  /** Forgets everything, for a block whose instruction ids are below {@code tableSize}. */
  void reset(int tableSize) {
    this.tableSize = tableSize;
    int slots = tableSize + 1;
    if (successor.length < slots) {
      int capacity = Math.max(slots, successor.length * 2);
      successor = new int[capacity];
      lastMask = new int[capacity];
      countState = new int[capacity];
      lastMode = new byte[capacity];
      seen = new boolean[capacity];
      lastFirst = new long[capacity];
      firstStep = new long[capacity];
      laneStride = new long[capacity];
    }
    for (int i = 0; i < tableSize; i++) {
      successor[i] = i + 1;
    }
    successor[tableSize] = 0;
    Arrays.fill(lastMask, 0, slots, -1);
    Arrays.fill(countState, 0, slots, FULL);
    Arrays.fill(lastMode, 0, slots, WarpTrace.MODE_NONE);
    Arrays.fill(seen, 0, slots, false);
    Arrays.fill(firstStep, 0, slots, 0L);
    Arrays.fill(laneStride, 0, slots, 0L);
    lastAddress = 0;
  }

  /** The {@code previous} to pass for a warp's first entry. */
  int warpStart() {
    return tableSize;
  }

  int tableSize() {
    return tableSize;
  }

  int predictId(int previous) {
    return successor[previous];
  }

  void recordId(int previous, int id) {
    successor[previous] = id;
  }

  int lastMask(int id) {
    return lastMask[id];
  }

  void recordMask(int id, int mask) {
    lastMask[id] = mask;
  }

  int predictCount(int id, int mask) {
    int state = countState[id];
    return state == FULL ? Integer.bitCount(mask) : state;
  }

  void recordCount(int id, int mask, int count) {
    if (count > 0 && count == Integer.bitCount(mask)) {
      countState[id] = FULL;
    } else if (count != 0 || mask != 0) {
      // A predicated-off entry (no lanes, no addresses) says nothing about the next one.
      countState[id] = count;
    }
  }

  byte lastMode(int id) {
    return lastMode[id];
  }

  void recordMode(int id, byte mode) {
    lastMode[id] = mode;
  }

  long predictFirstAddress(int id) {
    return seen[id] ? lastFirst[id] + firstStep[id] : lastAddress;
  }

  /** Prediction for the second lane's address from the first. */
  long predictSecondAddress(int id, long first) {
    return first + laneStride[id];
  }

  /** Updates after an entry with {@code count > 0} addresses. */
  void recordAddresses(int id, long first, long second, long last, int count) {
    if (seen[id]) {
      firstStep[id] = first - lastFirst[id];
    }
    seen[id] = true;
    lastFirst[id] = first;
    if (count > 1) {
      laneStride[id] = second - first;
    }
    lastAddress = last;
  }
}
