package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.KernelArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.ScalarArg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part-B references' view of one launch: scalars by name, buffers decoded from their initial
 * little-endian bytes into primitive arrays, and the expected outputs collected as bytes. Output
 * arrays start from the initial contents, so elements a kernel never writes keep them.
 */
final class LaunchBuffers {
  private final LaunchSpec spec;
  private final Map<String, byte[]> initial;
  private final Map<String, byte[]> outputs = new LinkedHashMap<>();

  LaunchBuffers(LaunchSpec spec, Map<String, byte[]> initial, String kernel) {
    if (!spec.kernel().equals(kernel)) {
      throw new IllegalArgumentException(spec.source() + ": kernel " + spec.kernel()
          + ", but this reference implements " + kernel);
    }
    this.spec = spec;
    this.initial = initial;
  }

  LaunchSpec spec() {
    return spec;
  }

  int gridX() {
    return spec.grid().x();
  }

  int blockX() {
    return spec.block().x();
  }

  /** Fails unless grid and block are one-dimensional: the kernels index with x only. */
  void require1d() {
    if (spec.grid().volume() != gridX() || spec.block().volume() != blockX()) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel()
          + " indexes with x only; grid " + spec.grid() + " and block " + spec.block()
          + " are not 1-D");
    }
  }

  /** Fails unless the launch is 1-D with blocks of exactly {@code threads} (hard-coded). */
  void requireBlock(int threads) {
    require1d();
    if (blockX() != threads) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel()
          + " is written for blocks of " + threads + " threads, the spec launches " + blockX());
    }
  }

  /** Fails unless buffer {@code name} holds at least {@code needed} elements. */
  void requireCount(String name, long needed) {
    long have = buffer(name).count();
    if (have < needed) {
      throw new IllegalArgumentException(spec.source() + ": " + spec.kernel() + " accesses "
          + needed + " elements of " + name + ", which holds " + have);
    }
  }

  BufferArg buffer(String name) {
    for (KernelArg a : spec.args()) {
      if (a.name().equals(name) && a instanceof BufferArg b) {
        return b;
      }
    }
    throw new IllegalArgumentException(spec.source() + ": no buffer argument '" + name + "'");
  }

  private ScalarArg scalar(String name) {
    for (KernelArg a : spec.args()) {
      if (a.name().equals(name) && a instanceof ScalarArg s) {
        return s;
      }
    }
    throw new IllegalArgumentException(spec.source() + ": no scalar argument '" + name + "'");
  }

  int intScalar(String name) {
    return (int) scalar(name).value().longValue();
  }

  long longScalar(String name) {
    return scalar(name).value().longValue();
  }

  float floatScalar(String name) {
    return (float) scalar(name).value().doubleValue();
  }

  private ByteBuffer in(String name) {
    byte[] b = initial.get(name);
    if (b == null) {
      throw new IllegalArgumentException("no initial bytes for buffer '" + name + "'");
    }
    if (b.length != buffer(name).byteSize()) {
      throw new IllegalArgumentException("buffer '" + name + "' has " + b.length
          + " initial bytes, the spec says " + buffer(name).byteSize());
    }
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  byte[] bytes(String name) {
    return in(name).array().clone();
  }

  short[] shorts(String name) {
    ByteBuffer b = in(name);
    short[] out = new short[b.remaining() / 2];
    b.asShortBuffer().get(out);
    return out;
  }

  int[] ints(String name) {
    ByteBuffer b = in(name);
    int[] out = new int[b.remaining() / 4];
    b.asIntBuffer().get(out);
    return out;
  }

  long[] longs(String name) {
    ByteBuffer b = in(name);
    long[] out = new long[b.remaining() / 8];
    b.asLongBuffer().get(out);
    return out;
  }

  float[] floats(String name) {
    ByteBuffer b = in(name);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  double[] doubles(String name) {
    ByteBuffer b = in(name);
    double[] out = new double[b.remaining() / 8];
    b.asDoubleBuffer().get(out);
    return out;
  }

  void put(String name, byte[] v) {
    outputs.put(name, v.clone());
  }

  void put(String name, short[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(v);
    outputs.put(name, b.array());
  }

  void put(String name, int[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(v);
    outputs.put(name, b.array());
  }

  void put(String name, long[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(v);
    outputs.put(name, b.array());
  }

  void put(String name, float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    outputs.put(name, b.array());
  }

  void put(String name, double[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(v);
    outputs.put(name, b.array());
  }

  /** The expected outputs, in the order they were put. */
  Map<String, byte[]> outputs() {
    return outputs;
  }
}
