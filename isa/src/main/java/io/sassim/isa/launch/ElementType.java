package io.sassim.isa.launch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Locale;

/** Element types of launch-spec buffers and scalars, named as in the spec ({@code f32}, ...). */
public enum ElementType {
  U8(1, false, false),
  S8(1, true, false),
  U16(2, false, false),
  S16(2, true, false),
  U32(4, false, false),
  S32(4, true, false),
  U64(8, false, false),
  S64(8, true, false),
  F16(2, true, true),
  BF16(2, true, true),
  F32(4, true, true),
  F64(8, true, true);

  private final int bytes;
  private final boolean signed;
  private final boolean floating;

  ElementType(int bytes, boolean signed, boolean floating) {
    this.bytes = bytes;
    this.signed = signed;
    this.floating = floating;
  }

  /** Size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  public boolean isFloat() {
    return floating;
  }

  /** The spelling used in launch specs. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the type spelled {@code name} in a spec, or null. */
  public static ElementType fromSpecName(String name) {
    for (ElementType t : values()) {
      if (t.specName().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** Smallest value an integer type holds. */
  BigInteger min() {
    return signed ? BigInteger.ONE.shiftLeft(bytes * 8 - 1).negate() : BigInteger.ZERO;
  }

  /** Largest value an integer type holds. */
  BigInteger max() {
    return (signed ? BigInteger.ONE.shiftLeft(bytes * 8 - 1) : BigInteger.ONE.shiftLeft(bytes * 8))
        .subtract(BigInteger.ONE);
  }

  /**
   * Appends one element. Integer types take the low {@code bytes} of {@code bits} (so arithmetic
   * wraps modulo 2^bits); float types round {@code value} to the type (f16 and bf16 via f32).
   */
  void put(ByteBuffer out, long bits, double value) {
    switch (this) {
      case U8, S8 -> out.put((byte) bits);
      case U16, S16 -> out.putShort((short) bits);
      case U32, S32 -> out.putInt((int) bits);
      case U64, S64 -> out.putLong(bits);
      case F16 -> out.putShort(HalfFloats.toF16((float) value));
      case BF16 -> out.putShort(HalfFloats.toBf16((float) value));
      case F32 -> out.putFloat((float) value);
      case F64 -> out.putDouble(value);
      default -> throw new AssertionError(this);
    }
  }

  /** Appends a spec value: a {@link Long} (integer types) or a {@link Double} (float types). */
  void put(ByteBuffer out, Number value) {
    if (floating) {
      put(out, 0, value.doubleValue());
    } else {
      put(out, value.longValue(), 0);
    }
  }

  /** Reads one element as a Long (u64 values above 2^63-1 as a BigInteger) or a Double. */
  public Number get(ByteBuffer in) {
    return switch (this) {
      case U8 -> (long) Byte.toUnsignedInt(in.get());
      case S8 -> (long) in.get();
      case U16 -> (long) Short.toUnsignedInt(in.getShort());
      case S16 -> (long) in.getShort();
      case U32 -> Integer.toUnsignedLong(in.getInt());
      case S32 -> (long) in.getInt();
      case U64 -> {
        long v = in.getLong();
        yield v >= 0 ? (Number) v : new BigInteger(Long.toUnsignedString(v));
      }
      case S64 -> in.getLong();
      case F16 -> (double) HalfFloats.fromF16(in.getShort());
      case BF16 -> (double) HalfFloats.fromBf16(in.getShort());
      case F32 -> (double) in.getFloat();
      case F64 -> in.getDouble();
    };
  }
}
