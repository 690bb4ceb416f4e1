package io.sassim.isa.launch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A by-value parameter.
 *
 * @param value a Long for integer types (u64 above 2^63-1 in two's complement), a Double for float
 *     types
 */
public record ScalarArg(String name, ElementType type, Number value) implements KernelArg {

  @Override
  public int paramBytes() {
    return type.bytes();
  }

  /** The parameter's bytes as the kernel receives them (little-endian). */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    type.put(b, value);
    return b.array();
  }
}
