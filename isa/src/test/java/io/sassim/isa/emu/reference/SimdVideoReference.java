package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * simd_video.cu: SIMD-in-a-register video ops, dot products, byte permute, funnel shifts, bit
 * counts, bfe/bfi/bmsk/szext, mul24 and high multiplies, all summed into a 64-bit word. Each
 * operation follows its PTX ISA definition; integers, so exact.
 */
final class SimdVideoReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "simd_video");
    d.require1d();
    int[] a = d.ints("a");
    int[] b = d.ints("b");
    long[] out = d.longs("out");
    int m = d.guardedCount("n", "a", "b", "out");
    for (int i = 0; i < m; i++) {
      out[i] = value(a[i], b[i]);
    }
    d.put("out", out);
    return d.outputs();
  }

  static long value(int x, int y) {
    int v = vabsdiffu4(x, y) + vadd2(x, y) + sad(x, y, 7) + vmaxu4(x, y);
    int dot = dp4a(x, y, 3) + dp2aLo(x, y, 5);
    int p = bytePerm(x, y, 0x5140) ^ funnelShiftR(x, y, y) ^ funnelShiftLc(x, y, 40);
    long w = ((long) x << 32) | Integer.toUnsignedLong(y);
    int bits = Long.numberOfLeadingZeros(w) + Long.bitCount(w) + ffs64(w) + ffs32(x);
    long r = Long.reverse(w);
    int f = bfeU32(x, y & 31, 7);
    int g = bfi(x, y, 4, x & 15);
    int mask = bmskWrap(x & 31, y & 31);
    int m24 = (x & 0xFFFFFF) * (y & 0xFFFFFF); // low 32 bits of the 48-bit product
    int hi32 = (int) ((Integer.toUnsignedLong(x) * Integer.toUnsignedLong(y)) >>> 32);
    long hi64 = unsignedMultiplyHigh(w, r);
    int sx = bfeS32(x, 3, 9);
    int sext = szextWrapS32(x, y & 31);
    // C's usual conversions: unsigned terms zero-extend into the u64 sum, int terms sign-extend.
    return hi64 + r + u(v) + u(dot) + u(p) + bits + u(f) + u(g) + u(mask) + u(m24) + u(hi32)
        + sx + u(sext);
  }

  private static long u(int v) {
    return Integer.toUnsignedLong(v);
  }

  static int vabsdiffu4(int x, int y) {
    int r = 0;
    for (int k = 0; k < 32; k += 8) {
      int p = (x >>> k) & 0xFF;
      int q = (y >>> k) & 0xFF;
      r |= Math.abs(p - q) << k;
    }
    return r;
  }

  static int vadd2(int x, int y) {
    int lo = (x + y) & 0xFFFF;
    int hi = ((x >>> 16) + (y >>> 16)) & 0xFFFF;
    return (hi << 16) | lo;
  }

  /** __sad(int, int, unsigned): |x - y| + z with x and y signed. */
  static int sad(int x, int y, int z) {
    return (x < y ? y - x : x - y) + z;
  }

  static int vmaxu4(int x, int y) {
    int r = 0;
    for (int k = 0; k < 32; k += 8) {
      r |= Math.max((x >>> k) & 0xFF, (y >>> k) & 0xFF) << k;
    }
    return r;
  }

  /** dp4a.s32.s32: four signed byte products plus c. */
  static int dp4a(int x, int y, int c) {
    int acc = c;
    for (int k = 0; k < 32; k += 8) {
      acc += (byte) (x >>> k) * (byte) (y >>> k);
    }
    return acc;
  }

  /** dp2a.lo.u32.u32: the two unsigned halves of x times bytes 0 and 1 of y, plus c. */
  static int dp2aLo(int x, int y, int c) {
    return c + (x & 0xFFFF) * (y & 0xFF) + (x >>> 16) * ((y >>> 8) & 0xFF);
  }

  /** prmt.b32 default mode: byte k of the result is byte selector[k] of {y, x} (x = bytes 0-3). */
  static int bytePerm(int x, int y, int selector) {
    long pool = Integer.toUnsignedLong(x) | (Integer.toUnsignedLong(y) << 32);
    int r = 0;
    for (int k = 0; k < 4; k++) {
      int sel = (selector >>> (4 * k)) & 7;
      r |= (int) ((pool >>> (8 * sel)) & 0xFF) << (8 * k);
    }
    return r;
  }

  /** shf.r.wrap: the low word of (hi:lo) >> (shift & 31). */
  static int funnelShiftR(int lo, int hi, int shift) {
    long v = Integer.toUnsignedLong(lo) | ((long) hi << 32);
    return (int) (v >>> (shift & 31));
  }

  /** shf.l.clamp: the high word of (hi:lo) << min(shift, 32). */
  static int funnelShiftLc(int lo, int hi, int shift) {
    long v = Integer.toUnsignedLong(lo) | ((long) hi << 32);
    int s = Integer.compareUnsigned(shift, 32) > 0 ? 32 : shift;
    return (int) ((v << s) >>> 32);
  }

  /** __ffsll: 1 + index of the lowest set bit, 0 for 0. */
  static int ffs64(long w) {
    return w == 0 ? 0 : Long.numberOfTrailingZeros(w) + 1;
  }

  static int ffs32(int x) {
    return x == 0 ? 0 : Integer.numberOfTrailingZeros(x) + 1;
  }

  /** bfe.u32: len bits from pos, zero beyond bit 31. */
  static int bfeU32(int a, int pos, int len) {
    int r = 0;
    for (int i = 0; i < len; i++) {
      int bit = pos + i <= 31 ? (a >>> (pos + i)) & 1 : 0;
      r |= bit << i;
    }
    return r;
  }

  /** bfe.s32: len bits from pos, sign-extended from the field's top bit (bit 31 beyond it). */
  static int bfeS32(int a, int pos, int len) {
    int sbit = len == 0 ? 0 : (a >>> Math.min(pos + len - 1, 31)) & 1;
    int r = 0;
    for (int i = 0; i < 32; i++) {
      int bit = i < len && pos + i <= 31 ? (a >>> (pos + i)) & 1 : sbit;
      r |= bit << i;
    }
    return r;
  }

  /** bfi.b32 f, a, b, pos, len: b with bits [pos, pos+len) taken from a's low bits. */
  static int bfi(int a, int b, int pos, int len) {
    int f = b;
    for (int i = 0; i < len && pos + i <= 31; i++) {
      int bit = (a >>> i) & 1;
      f = (f & ~(1 << (pos + i))) | (bit << (pos + i));
    }
    return f;
  }

  /** bmsk.wrap.b32: a mask of width b & 31 starting at bit a & 31 (PTX ISA semantics). */
  static int bmskWrap(int a, int b) {
    int a1 = a & 31;
    int b1 = b & 31;
    int mask0 = -1 << a1;
    int sum = a1 + b1;
    int mask1;
    if (sum >= 32) {
      mask1 = 0;
    } else if (b1 == 0) {
      mask1 = -1;
    } else {
      mask1 = -1 << sum;
    }
    return mask0 & ~mask1;
  }

  /** szext.wrap.s32: sign-extend the low (b & 31) bits of a; 0 bits give 0. */
  static int szextWrapS32(int a, int b) {
    int b1 = b & 31;
    int mask = -1 << b1;
    boolean sign = b1 != 0 && ((a >>> ((b1 - 1) & 31)) & 1) != 0;
    return (a & ~mask) | (sign ? mask : 0);
  }

  /** High 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
  static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }
}
