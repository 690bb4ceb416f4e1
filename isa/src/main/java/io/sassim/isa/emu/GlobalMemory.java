package io.sassim.isa.emu;

import java.util.Arrays;

/**
 * Device global memory: the launch's buffers at fixed addresses, 4 KiB apart so that an overrun
 * of one never lands in the next. Any access outside an allocation is a fault.
 */
final class GlobalMemory {
  /** Where the first allocation goes; far from the shared and local windows. */
  static final long BASE = 0x0000_7000_0000_0000L;
  private static final long ALIGN = 256;
  private static final long GAP = 4096;

  private long[] bases = new long[0];
  private byte[][] data = new byte[0][];
  private long next = BASE;
  private int last;

  /** Where the allocation after one of {@code bytes} at {@code base} goes. */
  static long after(long base, long bytes) {
    return (base + bytes + GAP + ALIGN - 1) & -ALIGN;
  }

  /** Allocates {@code contents} (taken over, not copied); returns its address. */
  long allocate(byte[] contents) {
    long base = next;
    next = after(base, contents.length);
    bases = Arrays.copyOf(bases, bases.length + 1);
    bases[bases.length - 1] = base;
    data = Arrays.copyOf(data, data.length + 1);
    data[data.length - 1] = contents;
    return base;
  }

  /** Index of the allocation holding {@code [addr, addr+bytes)}, or -1. */
  int find(long addr, int bytes) {
    int i = last;
    if (i < bases.length && inside(i, addr, bytes)) {
      return i;
    }
    // Launches have a handful of buffers: a linear scan beats anything cleverer.
    for (i = 0; i < bases.length; i++) {
      if (inside(i, addr, bytes)) {
        last = i;
        return i;
      }
    }
    return -1;
  }

  private boolean inside(int i, long addr, int bytes) {
    long off = addr - bases[i];
    return off >= 0 && off + bytes <= data[i].length;
  }

  byte[] data(int i) {
    return data[i];
  }

  int offset(int i, long addr) {
    return (int) (addr - bases[i]);
  }
}
