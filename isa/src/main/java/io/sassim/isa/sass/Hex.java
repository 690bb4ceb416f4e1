package io.sassim.isa.sass;

/** cuobjdump's number spelling: lower-case hex with {@code 0x}, a minus sign before it when negative. */
final class Hex {
  private Hex() {}

  static String format(long value) {
    return value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value);
  }
}
