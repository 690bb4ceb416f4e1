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

  /**
   * {@link #coalesce} for lane addresses {@code first + k * stride}. A broadcast or a forward
   * stride of at most a sector leaves no sector of its span untouched, so its lines are computed
   * from the span alone, without visiting the lanes; other strides take the lane loop.
   */
  public int coalesceStrided(long first, long stride, int n, int bytes, long[] scratch) {
    int width = Math.max(1, bytes);
    if (n > 0 && stride >= 0 && stride <= (1L << sectorShift)) {
      count = 0;
      long firstSector = first >>> sectorShift;
      long lastSector = (first + (n - 1) * stride + width - 1) >>> sectorShift;
      int perLine = lineShift - sectorShift;
      for (long line = firstSector >>> perLine; line <= lastSector >>> perLine; line++) {
        long from = Math.max(firstSector, line << perLine) & (sectorsPerLine - 1);
        long to = Math.min(lastSector, ((line + 1) << perLine) - 1) & (sectorsPerLine - 1);
        int mask = ((1 << (to + 1)) - 1) & ~((1 << from) - 1);
        if (count == lines.length) {
          lines = java.util.Arrays.copyOf(lines, count * 2);
          sectorMasks = java.util.Arrays.copyOf(sectorMasks, count * 2);
        }
        lines[count] = line;
        sectorMasks[count] = mask;
        count++;
      }
      return count;
    }
    for (int k = 0; k < n; k++) {
      scratch[k] = first + k * stride;
    }
    return coalesce(scratch, n, bytes);
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
