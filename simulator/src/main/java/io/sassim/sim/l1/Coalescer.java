package io.sassim.sim.l1;

/**
 * Turns one warp's lane addresses into the 128-byte lines and 32-byte sectors they touch (the
 * same rule on every architecture sassim models, compute capability 8.0 to 9.0; sizes come from
 * the config). Reuses its arrays: the per-instruction path allocates nothing.
 */
public final class Coalescer {

  private final int lineShift;
  private final int sectorShift;
  private final int sectorsPerLine;
  private long[] lines = new long[64];
  private int[] sectorMasks = new int[64];
  private int count;

  public Coalescer(int lineBytes, int sectorBytes) {
    this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
    this.sectorShift = Integer.numberOfTrailingZeros(sectorBytes);
    this.sectorsPerLine = lineBytes / sectorBytes;
  }

  /**
   * Coalesces {@code n} lane addresses, each accessing {@code bytes} bytes. Lines come out in the
   * order the lanes first touch them. Returns the number of lines.
   */
  public int coalesce(long[] addresses, int n, int bytes) {
    count = 0;
    int width = Math.max(1, bytes);
    for (int k = 0; k < n; k++) {
      long first = addresses[k];
      long last = first + width - 1;
      for (long sector = first >>> sectorShift; sector <= last >>> sectorShift; sector++) {
        long line = sector >>> (lineShift - sectorShift);
        int bit = 1 << (int) (sector & (sectorsPerLine - 1));
        add(line, bit);
      }
    }
    return count;
  }

  private void add(long line, int bit) {
    // Consecutive lanes usually fall in the line found last: look there first.
    for (int i = count - 1; i >= 0; i--) {
      if (lines[i] == line) {
        sectorMasks[i] |= bit;
        return;
      }
    }
    if (count == lines.length) {
      lines = java.util.Arrays.copyOf(lines, count * 2);
      sectorMasks = java.util.Arrays.copyOf(sectorMasks, count * 2);
    }
    lines[count] = line;
    sectorMasks[count] = bit;
    count++;
  }

  /** Line number (address / line size) of the i-th line of the last call. */
  public long line(int i) {
    return lines[i];
  }

  /** Byte address of the i-th line of the last call: what the lower memory's requests carry. */
  public long lineAddress(int i) {
    return lines[i] << lineShift;
  }

  /** Sectors of the i-th line the last call touched: bit s = sector s of the line. */
  public int sectors(int i) {
    return sectorMasks[i];
  }

  /** Sectors touched by the last call, over all its lines. */
  public int sectorCount() {
    int total = 0;
    for (int i = 0; i < count; i++) {
      total += Integer.bitCount(sectorMasks[i]);
    }
    return total;
  }
}
