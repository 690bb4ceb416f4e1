package io.sassim.traces.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with the encodings the format uses: LEB128 varints (zigzag for signed
 * values) and little-endian fixed-width integers. Reused from block to block, so encoding a CTA
 * allocates nothing once the buffer has grown.
 */
final class ByteSink {

  private byte[] buf;
  private int size;

  ByteSink() {
    this(256);
  }

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  byte[] array() {
    return buf;
  }

  void clear() {
    size = 0;
  }

  /** Forgets everything after the first {@code newSize} bytes. */
  void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) size + extra);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("block larger than 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }

  void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  void writeSink(ByteSink other) {
    writeBytes(other.buf, 0, other.size);
  }

  /** Unsigned LEB128 of all 32 bits. */
  void writeVarInt(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      buf[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[size++] = (byte) value;
  }

  /** Unsigned LEB128 of all 64 bits. */
  void writeVarLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[size++] = (byte) value;
  }

  void writeSignedInt(int value) {
    writeVarInt((value << 1) ^ (value >> 31));
  }

  void writeSignedLong(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  void writeIntLE(int value) {
    ensure(4);
    buf[size++] = (byte) value;
    buf[size++] = (byte) (value >>> 8);
    buf[size++] = (byte) (value >>> 16);
    buf[size++] = (byte) (value >>> 24);
  }

  void writeLongLE(long value) {
    writeIntLE((int) value);
    writeIntLE((int) (value >>> 32));
  }

  /** Varint byte length, then UTF-8. */
  void writeString(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeVarInt(bytes.length);
    writeBytes(bytes, 0, bytes.length);
  }
}
