package io.sassim.isa.emu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian words in byte arrays, the byte order of every modelled memory. */
final class LittleEndian {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  static int getInt(byte[] a, int off) {
    return (int) INT.get(a, off);
  }

  static void putInt(byte[] a, int off, int v) {
    INT.set(a, off, v);
  }

  static long getLong(byte[] a, int off) {
    return (long) LONG.get(a, off);
  }

  static void putLong(byte[] a, int off, long v) {
    LONG.set(a, off, v);
  }

  static short getShort(byte[] a, int off) {
    return (short) SHORT.get(a, off);
  }

  static void putShort(byte[] a, int off, short v) {
    SHORT.set(a, off, v);
  }
}
