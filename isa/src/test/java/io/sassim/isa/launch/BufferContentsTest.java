package io.sassim.isa.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BufferContentsTest {

  private static byte[] build(ElementType t, long count, Initializer init) throws Exception {
    return BufferContents.build(new BufferArg("b", t, count, init, false, false));
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void iotaIsLittleEndianAndWrapsIntegers() throws Exception {
    assertArrayEquals(bytes(5, 0, 0, 0, 8, 0, 0, 0, 11, 0, 0, 0),
        build(ElementType.U32, 3, new Initializer.Iota(5L, 3L)));
    assertArrayEquals(bytes(0xFE, 0xFF, 0x00, 0x01),
        build(ElementType.U8, 4, new Initializer.Iota(254L, 1L)));
    assertArrayEquals(bytes(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0xC0, 0x3F),
        build(ElementType.F32, 2, new Initializer.Iota(1.0, 0.5)));
    assertArrayEquals(bytes(0x00, 0x3C, 0x00, 0x40),
        build(ElementType.F16, 2, new Initializer.Iota(1.0, 1.0)));
  }

  @Test
  void constantFillsEveryElement() throws Exception {
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
        build(ElementType.S16, 3, new Initializer.Constant(-1L)));
    assertArrayEquals(bytes(0x80, 0x3F, 0x80, 0x3F),
        build(ElementType.BF16, 2, new Initializer.Constant(1.0)));
    byte[] f64 = build(ElementType.F64, 2, new Initializer.Constant(2.0));
    ByteBuffer b = ByteBuffer.wrap(f64).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(2.0, b.getDouble());
    assertEquals(2.0, b.getDouble());
  }

  @Test
  void orderedPointerChaseLinksEveryStrideAndWraps() throws Exception {
    // u32, stride 8 bytes = 2 elements: slots 0, 2, 4, 6 chained, odd slots 0; 6 wraps to 0.
    assertArrayEquals(bytes(2, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0,
            6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        build(ElementType.U32, 8, new Initializer.PointerChase(8, OptionalLong.empty())));
    // count not a multiple of the stride: slots 0, 3, 6 (the last partial stride still counts).
    long[] v = u64(build(ElementType.U64, 7, new Initializer.PointerChase(24, OptionalLong.empty())));
    assertArrayEquals(new long[] {3, 0, 0, 6, 0, 0, 0}, v);
  }

  /** Random counts, strides and seeds from a fixed seed, so a failure names a reproducible case. */
  @Test
  void randomPointerChaseIsOneCycleOverEveryStrideSlot() throws Exception {
    SplittableRandom random = new SplittableRandom(2024);
    for (int trial = 0; trial < 2000; trial++) {
      int count = random.nextInt(1, 3001);
      int strideElems = random.nextInt(1, 17);
      long seed = random.nextLong();
      String where = "case " + trial + " (count " + count + ", stride " + strideElems
          + " elements, seed " + seed + ")";
      long[] v = u64(build(ElementType.U64, count,
          new Initializer.PointerChase(8L * strideElems, OptionalLong.of(seed))));
      int slots = (count + strideElems - 1) / strideElems;
      Set<Long> seen = new HashSet<>();
      long at = 0;
      for (int step = 0; step < slots; step++) {
        if (!seen.add(at) || at % strideElems != 0) {
          fail(where + ": step " + step + " of " + slots + " reached " + at
              + ", revisited or off the stride");
        }
        at = v[(int) at];
      }
      assertEquals(0, at, where + ": the chain returns to its start after visiting every slot");
      for (int i = 0; i < count; i++) {
        if (i % strideElems != 0 && v[i] != 0) {
          fail(where + ": off-chain element " + i + " holds " + v[i]);
        }
      }
    }
  }

  /**
   * The pointer form, from a fixed seed: every chain element holds an address inside the buffer
   * on the stride, following the addresses from the base visits every slot once and comes back,
   * and each address is the base plus the index form's byte offset.
   */
  @Test
  void pointerChaseOfAddressesStaysInsideTheBufferAndCloses() throws Exception {
    SplittableRandom random = new SplittableRandom(64);
    for (int trial = 0; trial < 1000; trial++) {
      int count = random.nextInt(1, 3001);
      int strideElems = random.nextInt(1, 17);
      boolean shuffled = random.nextBoolean();
      long seed = random.nextLong();
      long base = random.nextLong(1L << 20, 1L << 48) & -256L;
      String where = "case " + trial + " (count " + count + ", stride " + strideElems
          + " elements, " + (shuffled ? "seed " + seed : "in order") + ", base 0x"
          + Long.toHexString(base) + ")";
      OptionalLong order = shuffled ? OptionalLong.of(seed) : OptionalLong.empty();
      BufferArg arg = new BufferArg("chain", ElementType.U64, count,
          new Initializer.PointerChase(8L * strideElems, order, true), false, false);
      long[] v = u64(BufferContents.build(arg, base));
      long[] indices = u64(build(ElementType.U64, count,
          new Initializer.PointerChase(8L * strideElems, order)));
      int slots = (count + strideElems - 1) / strideElems;
      long end = base + 8L * count;
      Set<Long> seen = new HashSet<>();
      long at = base;
      for (int step = 0; step < slots; step++) {
        if (at < base || at >= end || (at - base) % (8L * strideElems) != 0 || !seen.add(at)) {
          fail(where + ": step " + step + " of " + slots + " reached 0x" + Long.toHexString(at)
              + ": outside the buffer, off the stride or revisited");
        }
        int i = (int) ((at - base) / 8);
        assertEquals(base + 8 * indices[i], v[i], where + ": element " + i);
        at = v[i];
      }
      assertEquals(base, at, where + ": the chain returns to the base after every slot");
      assertEquals(slots, seen.size(), where);
    }
  }

  @Test
  void atAddressZeroThePointerFormHoldsByteOffsets() throws Exception {
    BufferArg arg = new BufferArg("chain", ElementType.U64, 8,
        new Initializer.PointerChase(16, OptionalLong.empty(), true), false, false);
    assertArrayEquals(new long[] {16, 0, 32, 0, 48, 0, 0, 0}, u64(BufferContents.build(arg)));
    assertArrayEquals(new long[] {0x1010, 0, 0x1020, 0, 0x1030, 0, 0x1000, 0},
        u64(BufferContents.build(arg, 0x1000)));
    // Any other initializer ignores the address.
    BufferArg iota = new BufferArg("x", ElementType.U64, 4, new Initializer.Iota(1L, 1L), false,
        false);
    assertArrayEquals(BufferContents.build(iota), BufferContents.build(iota, 0x1000));
    assertFalse(iota.holdsAddresses());
  }

  @Test
  void seededChaseIsReproducibleAndNotInOrder() throws Exception {
    Initializer chase = new Initializer.PointerChase(4, OptionalLong.of(42));
    byte[] a = build(ElementType.U32, 1024, chase);
    assertArrayEquals(a, build(ElementType.U32, 1024, chase));
    assertFalse(java.util.Arrays.equals(a,
        build(ElementType.U32, 1024, new Initializer.PointerChase(4, OptionalLong.empty()))));
  }

  @Test
  void uniformDrawsSplittableRandomInElementOrder() throws Exception {
    byte[] a = build(ElementType.S32, 100, new Initializer.Uniform(7, -5L, 5L));
    assertArrayEquals(a, build(ElementType.S32, 100, new Initializer.Uniform(7, -5L, 5L)));
    ByteBuffer in = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertEquals(rng.nextLong(-5, 5), in.getInt());
    }
    byte[] f = build(ElementType.F32, 50, new Initializer.Uniform(3, -1.0, 1.0));
    ByteBuffer fin = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
    SplittableRandom frng = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      assertEquals((float) frng.nextDouble(-1.0, 1.0), fin.getFloat());
    }
    assertFalse(java.util.Arrays.equals(f,
        build(ElementType.F32, 50, new Initializer.Uniform(4, -1.0, 1.0))));
  }

  @Test
  void uniformIntegersStayInRange() throws Exception {
    SplittableRandom random = new SplittableRandom(77);
    for (int trial = 0; trial < 5000; trial++) {
      long seed = random.nextLong();
      long min = random.nextLong(0, 255);
      byte[] a = build(ElementType.U8, 64, new Initializer.Uniform(seed, min, 256L));
      for (byte b : a) {
        if (Byte.toUnsignedInt(b) < min) {
          fail("case " + trial + " (seed " + seed + ", min " + min + "): drew "
              + Byte.toUnsignedInt(b));
        }
      }
    }
  }

  @Test
  void normalIsReproducible() throws Exception {
    Initializer n = new Initializer.Normal(11, 10.0, 2.0);
    byte[] a = build(ElementType.F64, 1000, n);
    assertArrayEquals(a, build(ElementType.F64, 1000, n));
    ByteBuffer in = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    for (int i = 0; i < 1000; i++) {
      sum += in.getDouble();
    }
    assertEquals(10.0, sum / 1000, 0.3);
  }

  private static long[] u64(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long[] v = new long[b.length / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.getLong();
    }
    return v;
  }
}
