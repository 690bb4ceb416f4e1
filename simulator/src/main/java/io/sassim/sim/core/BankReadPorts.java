package io.sassim.sim.core;

/**
 * The read ports of each register-file bank, as the Allocate stage books them (paper §5.3):
 * every booking takes the earliest free port-cycles from the cycle after Allocate, and Allocate
 * runs once a cycle at most, so the booked port-cycles of a bank from any later cycle on form
 * one unbroken run. One number per bank, where that run ends, then says everything a calendar
 * of per-cycle counts would (and touches one cache line instead of a few of them).
 */
final class BankReadPorts {

  private final int ports;
  /** Per bank: the first free port-cycle, numbered {@code cycle * ports + port}. */
  private final long[] firstFree;

  BankReadPorts(int banks, int ports) {
    this.ports = ports;
    this.firstFree = new long[banks];
  }

  /** Free port-cycles of {@code bank} in {@code [from, from + length)}. */
  int freeIn(int bank, long from, int length) {
    long start = from * ports;
    long booked = Math.min(Math.max(firstFree[bank] - start, 0), (long) length * ports);
    return length * ports - (int) booked;
  }

  /**
   * Books the earliest {@code count} free port-cycles of {@code bank} from {@code from}, which
   * must not be earlier than the {@code from} of any earlier booking.
   */
  void reserveEarliest(int bank, long from, int count) {
    firstFree[bank] = Math.max(firstFree[bank], from * ports) + count;
  }
}
