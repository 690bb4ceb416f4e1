package io.sassim.sim.memory;

/**
 * Where a 128-byte line lives: its L2 slice and set, its DRAM channel, bank and row.
 *
 * <p>NVIDIA does not publish its hashes (Accel-Sim uses XOR and IPOLY functions of address
 * bits, gpu-specs 10). sassim takes the SplitMix64 finalizer of the line number: slice and
 * channel are its high bits scaled to the count (counts need not be powers of two), the set
 * its low bits. Any stride, powers of two included, then spreads evenly over slices, channels
 * and sets, which is what the hardware hashes are built for; the price is that lines are
 * placed like a random-index cache, so a footprint near the capacity already loses some lines
 * to overfull sets (the measured L2 plateaus also soften before the capacity).
 *
 * <p>DRAM rows: consecutive lines form row groups of {@code channels x rowBytes} bytes; every
 * line of a group lies in the same row of the same bank of its channel, so a sequential
 * stream finds open rows, and consecutive groups go to different banks.
 */
final class AddressMapping {

  private static final long CHANNEL_SALT = 0x5851F42D4C957F2DL;

  private final int slicesPerPartition;
  private final int setMask;
  private final int channels;
  private final int banks;
  private final long linesPerRowGroup;

  AddressMapping(int slicesPerPartition, int setsPerSlice, int channels, int banks, int rowBytes) {
    this.slicesPerPartition = slicesPerPartition;
    this.setMask = setsPerSlice - 1;
    this.channels = channels;
    this.banks = banks;
    this.linesPerRowGroup = (long) channels * (rowBytes / MemorySystem.LINE_BYTES);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Slice within a partition; the same index in every partition. */
  int slice(long line) {
    return (int) (((mix(line) >>> 32) * slicesPerPartition) >>> 32);
  }

  int set(long line) {
    return (int) mix(line) & setMask;
  }

  int channel(long line) {
    return (int) (((mix(line ^ CHANNEL_SALT) >>> 32) * channels) >>> 32);
  }

  /** The row group, which is also the row's number within its bank. */
  long row(long line) {
    return Math.floorDiv(line, linesPerRowGroup);
  }

  /**
   * Bank of a row: the sum of the row number's base-{@code banks} digits. Consecutive rows, and
   * rows a power of {@code banks} apart, land in different banks.
   */
  int bank(long row) {
    long sum = 0;
    for (long r = row; r > 0; r /= banks) {
      sum += r % banks;
    }
    return (int) (sum % banks);
  }
}
