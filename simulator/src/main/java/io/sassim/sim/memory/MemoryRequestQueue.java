package io.sassim.sim.memory;

import java.util.Arrays;

/**
 * The line requests one SM sent below its L1 during the current window, in the order it sent
 * them. Primitive columns, reused window after window: the per-cycle loop allocates nothing.
 * Written only by the SM's thread, read only at the window's end.
 */
public final class MemoryRequestQueue {

  /** Request kinds. */
  public static final int LOAD = 0;
  public static final int STORE = 1;
  /** Read-modify-write performed at the L2 (atomics and reductions); replies like a load. */
  public static final int ATOMIC = 2;
  /** A reduction: performed at the L2 like an atomic, but the SM waits for no reply. */
  public static final int REDUCTION = 3;

  private long[] cycle = new long[64];
  private long[] lineAddress = new long[64];
  private int[] sectorMask = new int[64];
  private int[] kind = new int[64];
  private long[] tag = new long[64];
  private int[] laneOperations = new int[64];
  private int size;

  /**
   * Appends a request for the sectors {@code sectorMask} (bit i = bytes 32i..32i+31) of the
   * 128-byte line at {@code lineAddress}, sent at core cycle {@code cycle}. {@code tag} comes
   * back unchanged in the reply.
   */
  public void add(long cycle, long lineAddress, int sectorMask, int kind, long tag) {
    add(cycle, lineAddress, sectorMask, kind, tag, 1);
  }

  /**
   * {@link #add} for an atomic whose busiest address in this line is the target of
   * {@code laneOperations} lanes: the L2 performs those one after another.
   */
  public void add(long cycle, long lineAddress, int sectorMask, int kind, long tag,
      int laneOperations) {
    if (size == this.cycle.length) {
      int n = size * 2;
      this.cycle = Arrays.copyOf(this.cycle, n);
      this.lineAddress = Arrays.copyOf(this.lineAddress, n);
      this.sectorMask = Arrays.copyOf(this.sectorMask, n);
      this.kind = Arrays.copyOf(this.kind, n);
      this.tag = Arrays.copyOf(this.tag, n);
      this.laneOperations = Arrays.copyOf(this.laneOperations, n);
    }
    this.cycle[size] = cycle;
    this.lineAddress[size] = lineAddress;
    this.sectorMask[size] = sectorMask;
    this.kind[size] = kind;
    this.tag[size] = tag;
    this.laneOperations[size] = laneOperations;
    size++;
  }

  public int size() {
    return size;
  }

  public long cycle(int i) {
    return cycle[i];
  }

  public long lineAddress(int i) {
    return lineAddress[i];
  }

  public int sectorMask(int i) {
    return sectorMask[i];
  }

  public int kind(int i) {
    return kind[i];
  }

  public long tag(int i) {
    return tag[i];
  }

  /** Lanes on the request's busiest address; 1 for anything but an atomic. */
  public int laneOperations(int i) {
    return laneOperations[i];
  }

  public void clear() {
    size = 0;
  }
}
