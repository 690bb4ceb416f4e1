package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.Dim3;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One launch as a reference sees it: the spec's geometry and scalars, and the buffers' initial
 * bytes decoded into primitive arrays. Output arrays start as copies of the initial contents, so
 * elements a kernel never writes keep them, as on the device. Every output buffer must be either
 * computed or declared {@linkplain #omit omitted}.
 */
final class LaunchData {
  private final LaunchSpec spec;
  private final Map<String, byte[]> initial;
  private final Map<String, byte[]> outputs = new LinkedHashMap<>();
  private final Set<String> omitted = new TreeSet<>();

  LaunchData(LaunchSpec spec, Map<String, byte[]> initial, String kernel) {
    if (!spec.kernel().equals(kernel)) {
      throw new IllegalArgumentException(spec.source() + ": kernel " + spec.kernel()
          + ", but this reference implements " + kernel);
    }
    this.spec = spec;
    this.initial = initial;
  }

  Dim3 grid() {
    return spec.grid();
  }

  Dim3 block() {
    return spec.block();
  }

  int gridX() {
    return spec.grid().x();
  }

  int blockX() {
    return spec.block().x();
  }

  /** Fails unless the block is exactly {@code x} × 1 × 1: the kernel hard-codes that size. */
  void requireBlock(int x) {
    if (!block().equals(new Dim3(x, 1, 1))) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel()
          + " assumes blocks of " + x + " threads, the spec launches " + block());
    }
  }

  /** Fails unless grid and block are one-dimensional: the kernel indexes with x only. */
  void require1d() {
    if (grid().y() != 1 || grid().z() != 1 || block().y() != 1 || block().z() != 1) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel()
          + " indexes with x only; grid " + grid() + " and block " + block() + " are not 1-D");
    }
  }

  /** Fails unless the block's x size is a whole number of warps (the kernel shuffles full warps). */
  void requireWholeWarps() {
    if (block().x() % 32 != 0) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel()
          + " needs whole warps, block x is " + block().x());
    }
  }

  /** gridDim.x · blockDim.x: the number of distinct 1-D global thread indices. */
  int threadsX() {
    return Math.toIntExact((long) grid().x() * block().x());
  }

  /**
   * How many threads pass the kernel's {@code if (i < n)} guard, n being scalar {@code bound}:
   * min(n, gridDim.x · blockDim.x). Fails unless each of {@code buffers} holds that many elements.
   */
  int guardedCount(String bound, String... buffers) {
    int m = Math.min(intScalar(bound), threadsX());
    for (String name : buffers) {
      requireCount(name, m);
    }
    return m;
  }

  /** Fails unless buffer {@code name} holds at least {@code needed} elements of its spec type. */
  void requireCount(String name, long needed) {
    requireCount(name, buffer(name).count(), needed);
  }

  /** Fails unless buffer {@code name}, decoded as {@code length} elements, has {@code needed}. */
  void requireCount(String name, long length, long needed) {
    if (length < needed) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel() + " accesses "
          + needed + " elements of " + name + ", which holds " + length);
    }
  }

  private KernelArg arg(String name) {
    for (KernelArg a : spec.args()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(spec.source() + ": no argument named " + name);
  }

  private BufferArg buffer(String name) {
    if (arg(name) instanceof BufferArg b) {
      return b;
    }
    throw new IllegalArgumentException(spec.source() + ": " + name + " is not a buffer");
  }

  private ScalarArg scalar(String name) {
    if (arg(name) instanceof ScalarArg s) {
      return s;
    }
    throw new IllegalArgumentException(spec.source() + ": " + name + " is not a scalar");
  }

  /** An integer scalar as the kernel sees its 32 bits. */
  int intScalar(String name) {
    return scalar(name).value().intValue();
  }

  /** An integer scalar as its full 64 bits. */
  long longScalar(String name) {
    return scalar(name).value().longValue();
  }

  /** An f32 scalar, rounded to float as the parameter block holds it. */
  float floatScalar(String name) {
    return (float) scalar(name).value().doubleValue();
  }

  /** The initial bytes of buffer {@code name}, checked against the spec's size. */
  private byte[] in(String name) {
    BufferArg b = buffer(name);
    byte[] bytes = initial.get(name);
    if (bytes == null || bytes.length != b.byteSize()) {
      throw new IllegalArgumentException(name + ": initial contents missing or not "
          + b.byteSize() + " bytes");
    }
    return bytes;
  }

  int[] ints(String name) {
    return LittleEndian.ints(in(name));
  }

  long[] longs(String name) {
    return LittleEndian.longs(in(name));
  }

  float[] floats(String name) {
    return LittleEndian.floats(in(name));
  }

  double[] doubles(String name) {
    return LittleEndian.doubles(in(name));
  }

  /** 16-bit elements (f16 bit patterns). */
  short[] shorts(String name) {
    return LittleEndian.shorts(in(name));
  }

  byte[] bytes(String name) {
    return in(name).clone();
  }

  void put(String name, byte[] values) {
    outputs.put(name, values.clone());
  }

  void put(String name, int[] values) {
    outputs.put(name, LittleEndian.bytes(values));
  }

  void put(String name, long[] values) {
    outputs.put(name, LittleEndian.bytes(values));
  }

  void put(String name, float[] values) {
    outputs.put(name, LittleEndian.bytes(values));
  }

  void put(String name, double[] values) {
    outputs.put(name, LittleEndian.bytes(values));
  }

  void put(String name, short[] values) {
    outputs.put(name, LittleEndian.bytes(values));
  }

  /**
   * Declares output {@code name} left out on purpose: the device leaves it order-dependent, so it
   * has no single expected value (the reference's class comment says why).
   */
  void omit(String name) {
    if (!buffer(name).output()) {
      throw new IllegalArgumentException(spec.source() + ": " + name + " is not an output");
    }
    omitted.add(name);
  }

  /**
   * The expected outputs. Fails unless they are exactly the spec's output buffers less the
   * omitted ones, so a spec that gains or renames an output cannot silently go unchecked.
   */
  Map<String, byte[]> outputs() {
    for (BufferArg b : spec.buffers()) {
      boolean expected = b.output() && !omitted.contains(b.name());
      if (expected != outputs.containsKey(b.name())) {
        throw new IllegalArgumentException(spec.source() + ": buffer " + b.name()
            + (expected ? " is an output this reference does not compute"
                : " is not a checked output, but this reference computes it"));
      }
    }
    return outputs;
  }
}
