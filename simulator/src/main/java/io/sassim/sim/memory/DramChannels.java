package io.sassim.sim.memory;

import java.util.Arrays;

/**
 * Device memory: channels, each with banks that keep one row open (open-page policy) and one
 * data bus. A request reaches its bank at a given tick; a row hit issues its column command as
 * soon as the bank is free, a closed bank first activates the row (tRCD), and a bank with
 * another row open first precharges it (tRP, no earlier than tRAS after that row's activation).
 * A channel activates at most one row per tRRD (one activation per tRRD slot, taken in any
 * order). Data follows the column command after tCL
 * and takes one bus slot per sector.
 *
 * <p>Simplified: requests are served first come first served per bank in the order the memory
 * system hands them over (no reordering of row hits ahead of older misses, FR-FCFS), there is
 * no refresh, no read/write turnaround and no four-activation window; writes occupy banks and
 * bus like reads.
 */
final class DramChannels {

  private final AddressMapping map;
  private final int banks;
  private final long activateTicks;
  private final long prechargeTicks;
  private final long casTicks;
  private final long rowActiveTicks;
  private final SlotCalendar[] bus;
  /** Activation slots of tRRD per channel: a ready bank may activate before a blocked one. */
  private final SlotCalendar[] activations;
  private final long[] openRow;
  private final long[] activatedAt;
  private final long[] bankFree;

  long readSectors;
  long writeSectors;
  long rowHits;
  long rowMisses;
  long rowConflicts;

  /** Times are in model ticks; {@code sectorTicks} is one 32-byte transfer on one channel's bus. */
  DramChannels(AddressMapping map, int channels, int banks, long sectorTicks, long activateTicks,
      long prechargeTicks, long casTicks, long rowActiveTicks, long activateIntervalTicks) {
    this.map = map;
    this.banks = banks;
    this.activateTicks = activateTicks;
    this.prechargeTicks = prechargeTicks;
    this.casTicks = casTicks;
    this.rowActiveTicks = rowActiveTicks;
    bus = new SlotCalendar[channels];
    activations = new SlotCalendar[channels];
    for (int c = 0; c < channels; c++) {
      bus[c] = new SlotCalendar(sectorTicks, 1 << 13);
      activations[c] = new SlotCalendar(activateIntervalTicks, 1 << 12);
    }
    openRow = new long[channels * banks];
    Arrays.fill(openRow, -1);
    activatedAt = new long[channels * banks];
    bankFree = new long[channels * banks];
  }

  /**
   * Reads or writes {@code sectors} sectors of {@code line}, reaching the controller at tick
   * {@code at}. Returns the tick the last sector has crossed the bus, less one sector's slot,
   * so that an idle channel returns one sector exactly tRCD (+ tRP) + tCL after {@code at}.
   */
  long access(long at, long line, int sectors, boolean write) {
    int ch = map.channel(line);
    long row = map.row(line);
    int b = ch * banks + map.bank(row);
    long column;
    if (openRow[b] == row) {
      column = Math.max(at, bankFree[b]);
      rowHits++;
    } else {
      long activate;
      if (openRow[b] < 0) {
        activate = Math.max(at, bankFree[b]);
        rowMisses++;
      } else {
        long precharge = Math.max(Math.max(at, bankFree[b]), activatedAt[b] + rowActiveTicks);
        activate = precharge + prechargeTicks;
        rowConflicts++;
      }
      activate += activations[ch].book(activate, 1);
      activatedAt[b] = activate;
      openRow[b] = row;
      column = activate + activateTicks;
    }
    SlotCalendar channelBus = bus[ch];
    bankFree[b] = column + sectors * channelBus.slotTicks();
    long data = column + casTicks;
    if (write) {
      writeSectors += sectors;
    } else {
      readSectors += sectors;
    }
    return data + channelBus.book(data, sectors);
  }

  long busBusyTicks() {
    long t = 0;
    for (SlotCalendar c : bus) {
      t += c.busyTicks();
    }
    return t;
  }
}
