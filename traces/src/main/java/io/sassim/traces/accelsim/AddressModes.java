package io.sassim.traces.accelsim;

/**
 * The tracer's three ways of writing one warp instruction's addresses (one per active lane, in
 * lane order), shared by the reader and the writer:
 *
 * <ul>
 *   <li>{@link #LIST} (0): every address in full;
 *   <li>{@link #STRIDE} (1): a base and a signed 32-bit stride, for one contiguous run of active
 *       lanes with evenly spaced addresses, and also (base 0, stride 0) for no active lane;
 *   <li>{@link #DELTA} (2): the first address, then the signed 64-bit difference of each next one.
 * </ul>
 *
 * Address arithmetic wraps at 64 bits, as the tracer's unsigned arithmetic does.
 */
final class AddressModes {

  static final int LIST = 0;
  static final int STRIDE = 1;
  static final int DELTA = 2;

  private AddressModes() {}

  /** True when the set bits of {@code mask} form one run (an empty mask is no run). */
  static boolean isOneRun(int mask) {
    if (mask == 0) {
      return false;
    }
    int shifted = mask >>> Integer.numberOfTrailingZeros(mask);
    return (shifted & (shifted + 1)) == 0;
  }

  /** Fills {@code out[0, count)} with base, base + stride, base + 2 stride, ... */
  static void expandStride(long base, long stride, long[] out, int count) {
    long a = base;
    for (int k = 0; k < count; k++) {
      out[k] = a;
      a += stride;
    }
  }

  /** The step from the first address to the second; 0 for fewer than two addresses. */
  static long stride(long[] addresses, int count) {
    return count < 2 ? 0 : addresses[1] - addresses[0];
  }

  /** True when {@code addresses[0, count)} are evenly spaced by a signed 32-bit stride. */
  static boolean hasIntStride(long[] addresses, int count) {
    long stride = stride(addresses, count);
    if (stride != (int) stride) {
      return false;
    }
    for (int k = 2; k < count; k++) {
      if (addresses[k] - addresses[k - 1] != stride) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code mode} can express these addresses exactly. */
  static boolean canWrite(int mode, int mask, long[] addresses, int count) {
    return switch (mode) {
      case LIST -> true;
      case STRIDE -> mask == 0 || isOneRun(mask) && hasIntStride(addresses, count);
      case DELTA -> count > 0;
      default -> false;
    };
  }

  /**
   * The mode the NVBit tracer picks: stride for no active lane or a run of two or more lanes with
   * a constant 32-bit stride, deltas otherwise.
   */
  static int tracerChoice(int mask, long[] addresses, int count) {
    if (mask == 0) {
      return STRIDE;
    }
    if (count >= 2 && isOneRun(mask) && hasIntStride(addresses, count)) {
      return STRIDE;
    }
    return DELTA;
  }
}
