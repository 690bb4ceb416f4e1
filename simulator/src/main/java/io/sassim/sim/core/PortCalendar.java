package io.sassim.sim.core;

/**
 * Reservations of the ports of each register-file bank over the next cycles, as a ring of
 * per-cycle counters stamped with their cycle (a stale stamp reads as free, so nothing needs
 * clearing as time moves on).
 */
final class PortCalendar {

  static final int HORIZON = 128;

  private final int ports;
  private final long[] stamp;
  private final int[] used;

  PortCalendar(int banks, int ports) {
    this.ports = ports;
    this.stamp = new long[banks * HORIZON];
    this.used = new int[banks * HORIZON];
    java.util.Arrays.fill(stamp, -1);
  }

  int free(int bank, long cycle) {
    int i = bank * HORIZON + (int) (cycle & (HORIZON - 1));
    return stamp[i] == cycle ? ports - used[i] : ports;
  }

  void reserve(int bank, long cycle) {
    int i = bank * HORIZON + (int) (cycle & (HORIZON - 1));
    if (stamp[i] != cycle) {
      stamp[i] = cycle;
      used[i] = 0;
    }
    used[i]++;
  }

  /** Free port-cycles of {@code bank} in {@code [from, from + length)}. */
  int freeIn(int bank, long from, int length) {
    int n = 0;
    for (int k = 0; k < length; k++) {
      n += free(bank, from + k);
    }
    return n;
  }

  /** Reserves the earliest {@code count} free port-cycles of {@code bank} from {@code from}. */
  void reserveEarliest(int bank, long from, int count) {
    for (long c = from; count > 0; c++) {
      int f = free(bank, c);
      while (f > 0 && count > 0) {
        reserve(bank, c);
        f--;
        count--;
      }
    }
  }

  /** The first cycle at or after {@code from} with a free port on {@code bank}. */
  long firstFree(int bank, long from) {
    long c = from;
    while (free(bank, c) == 0) {
      c++;
    }
    return c;
  }
}
