package io.sassim.traces.binary;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} writes from a slice of a byte array. Every read is bounds-checked
 * and fails with a {@link CorruptBlockException} rather than an array index error, because the
 * bytes come from a file that may be damaged.
 */
final class ByteSource {

  private final byte[] buf;
  private int pos;
  private final int limit;

  ByteSource(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
  }

  int remaining() {
    return limit - pos;
  }

  int position() {
    return pos;
  }

  /** Takes the next {@code length} bytes as a source of their own. */
  ByteSource slice(int length, String what) throws CorruptBlockException {
    if (length < 0 || length > remaining()) {
      throw new CorruptBlockException(what + " claims " + length + " bytes, " + remaining() + " left");
    }
    ByteSource s = new ByteSource(buf, pos, length);
    pos += length;
    return s;
  }

  int readByte() throws CorruptBlockException {
    if (pos >= limit) {
      throw truncated();
    }
    return buf[pos++];
  }

  int readUnsignedByte() throws CorruptBlockException {
    return readByte() & 0xFF;
  }

  /** Small enough for the JIT to inline everywhere: most varints in a CTA block are one byte. */
  int readVarInt() throws CorruptBlockException {
    if (pos < limit && buf[pos] >= 0) {
      return buf[pos++];
    }
    return readLongVarInt();
  }

  private int readLongVarInt() throws CorruptBlockException {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos >= limit) {
        throw truncated();
      }
      int b = buf[pos++];
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new CorruptBlockException("varint longer than 5 bytes");
  }

  long readVarLong() throws CorruptBlockException {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (pos >= limit) {
        throw truncated();
      }
      int b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new CorruptBlockException("varint longer than 10 bytes");
  }

  int readSignedInt() throws CorruptBlockException {
    int v = readVarInt();
    return (v >>> 1) ^ -(v & 1);
  }

  long readSignedLong() throws CorruptBlockException {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A varint that counts things and so must be in {@code 0..max}. */
  int readCount(int max, String what) throws CorruptBlockException {
    int n = readVarInt();
    if (n < 0 || n > max) {
      throw new CorruptBlockException(what + " " + Integer.toUnsignedString(n) + " exceeds " + max);
    }
    return n;
  }

  int readIntLE() throws CorruptBlockException {
    if (limit - pos < 4) {
      throw truncated();
    }
    int v = (buf[pos] & 0xFF)
        | (buf[pos + 1] & 0xFF) << 8
        | (buf[pos + 2] & 0xFF) << 16
        | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  String readString(String what) throws CorruptBlockException {
    int length = readVarInt();
    if (length < 0 || length > remaining()) {
      throw new CorruptBlockException(what + " of " + Integer.toUnsignedString(length)
          + " bytes, " + remaining() + " left");
    }
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  void expectEnd(String what) throws CorruptBlockException {
    if (pos != limit) {
      throw new CorruptBlockException(what + " has " + remaining() + " unread bytes");
    }
  }

  private CorruptBlockException truncated() {
    return new CorruptBlockException("data ends early");
  }
}
