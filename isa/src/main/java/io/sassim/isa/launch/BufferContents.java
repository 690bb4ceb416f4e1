package io.sassim.isa.launch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.SplittableRandom;

/**
 * Builds the initial bytes of a buffer from its initializer, little-endian. The harness, the
 * emulator and the simulator all call this, so a measured launch and a simulated one start from
 * identical memory.
 */
public final class BufferContents {
  private BufferContents() {}

  /**
   * The buffer's initial contents for a buffer at device address 0: a pointer chain then holds
   * byte offsets. Use {@link #build(BufferArg, long)} where the address is known.
   */
  public static byte[] build(BufferArg buffer) throws IOException {
    return build(buffer, 0);
  }

  /**
   * The initial contents, {@code count × element size} bytes, of a buffer that lives at device
   * address {@code baseAddress}. Only a pointer chain ({@code pointers: true}) depends on it.
   */
  public static byte[] build(BufferArg buffer, long baseAddress) throws IOException {
    ElementType type = buffer.type();
    long count = buffer.count();
    if (buffer.init() instanceof Initializer.FromFile f) {
      // The loader checked the size; re-check in case the file changed since.
      byte[] bytes = Files.readAllBytes(f.path());
      if (bytes.length != buffer.byteSize()) {
        throw new IOException(f.path() + " has " + bytes.length + " bytes, expected "
            + buffer.byteSize());
      }
      return bytes;
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(buffer.byteSize()))
        .order(ByteOrder.LITTLE_ENDIAN);
    Initializer init = buffer.init();
    if (init instanceof Initializer.Constant c) {
      for (long i = 0; i < count; i++) {
        type.put(out, c.value());
      }
    } else if (init instanceof Initializer.Iota io) {
      iota(out, type, count, io);
    } else if (init instanceof Initializer.Uniform u) {
      uniform(out, type, count, u);
    } else if (init instanceof Initializer.Normal n) {
      SplittableRandom rng = new SplittableRandom(n.seed());
      for (long i = 0; i < count; i++) {
        type.put(out, 0, n.mean() + n.stddev() * rng.nextGaussian());
      }
    } else if (init instanceof Initializer.PointerChase pc) {
      pointerChase(out, type, count, pc, baseAddress);
    } else {
      throw new AssertionError("unhandled initializer " + init);
    }
    return out.array();
  }

  private static void iota(ByteBuffer out, ElementType type, long count, Initializer.Iota io) {
    if (type.isFloat()) {
      double start = io.start().doubleValue();
      double step = io.step().doubleValue();
      for (long i = 0; i < count; i++) {
        type.put(out, 0, start + i * step);
      }
    } else {
      long start = io.start().longValue();
      long step = io.step().longValue();
      for (long i = 0; i < count; i++) {
        type.put(out, start + i * step, 0); // wraps modulo the type's width, as documented
      }
    }
  }

  private static void uniform(ByteBuffer out, ElementType type, long count, Initializer.Uniform u) {
    SplittableRandom rng = new SplittableRandom(u.seed());
    if (type.isFloat()) {
      double min = u.min().doubleValue();
      double max = u.max().doubleValue();
      for (long i = 0; i < count; i++) {
        type.put(out, 0, rng.nextDouble(min, max));
      }
    } else {
      long min = u.min().longValue();
      long max = u.max().longValue();
      for (long i = 0; i < count; i++) {
        type.put(out, rng.nextLong(min, max), 0);
      }
    }
  }

  /**
   * The chain visits slots 0, k, 2k, ... (k = stride / element size). In order, slot j·k holds
   * ((j+1) mod m)·k. With a seed, Sattolo's shuffle gives a uniformly random single cycle perm and
   * slot j·k holds perm[j]·k. Elements off the chain stay 0. The pointer form stores
   * base + perm[j]·k·size instead, the address a kernel loads next.
   */
  private static void pointerChase(ByteBuffer out, ElementType type, long count,
      Initializer.PointerChase pc, long baseAddress) {
    long k = pc.strideBytes() / type.bytes();
    int m = Math.toIntExact((count + k - 1) / k);
    int[] next = new int[m];
    for (int j = 0; j < m; j++) {
      next[j] = j;
    }
    if (pc.randomSeed().isPresent()) {
      SplittableRandom rng = new SplittableRandom(pc.randomSeed().getAsLong());
      for (int i = m - 1; i > 0; i--) {
        int j = rng.nextInt(i); // j < i, never i itself: that is what makes one single cycle
        int t = next[i];
        next[i] = next[j];
        next[j] = t;
      }
    } else {
      for (int j = 0; j < m; j++) {
        next[j] = (j + 1) % m;
      }
    }
    for (int j = 0; j < m; j++) {
      out.position(Math.toIntExact(j * k * type.bytes()));
      long index = next[j] * k;
      type.put(out, pc.pointers() ? baseAddress + index * type.bytes() : index, 0);
    }
    out.position(out.capacity());
  }
}
