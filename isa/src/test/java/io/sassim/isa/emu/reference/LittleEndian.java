package io.sassim.isa.emu.reference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Device buffer bytes as primitive arrays and back. Buffers are little-endian, as the launch
 * package builds them and the emulator dumps them.
 */
final class LittleEndian {
  private LittleEndian() {}

  private static ByteBuffer wrap(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer allocate(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static short[] shorts(byte[] bytes) {
    short[] out = new short[bytes.length / 2];
    wrap(bytes).asShortBuffer().get(out);
    return out;
  }

  static int[] ints(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    wrap(bytes).asIntBuffer().get(out);
    return out;
  }

  static long[] longs(byte[] bytes) {
    long[] out = new long[bytes.length / 8];
    wrap(bytes).asLongBuffer().get(out);
    return out;
  }

  static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    wrap(bytes).asFloatBuffer().get(out);
    return out;
  }

  static double[] doubles(byte[] bytes) {
    double[] out = new double[bytes.length / 8];
    wrap(bytes).asDoubleBuffer().get(out);
    return out;
  }

  static byte[] bytes(short[] values) {
    ByteBuffer b = allocate(values.length * 2);
    b.asShortBuffer().put(values);
    return b.array();
  }

  static byte[] bytes(int[] values) {
    ByteBuffer b = allocate(values.length * 4);
    b.asIntBuffer().put(values);
    return b.array();
  }

  static byte[] bytes(long[] values) {
    ByteBuffer b = allocate(values.length * 8);
    b.asLongBuffer().put(values);
    return b.array();
  }

  static byte[] bytes(float[] values) {
    ByteBuffer b = allocate(values.length * 4);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  static byte[] bytes(double[] values) {
    ByteBuffer b = allocate(values.length * 8);
    b.asDoubleBuffer().put(values);
    return b.array();
  }
}
