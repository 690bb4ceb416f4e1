package io.sassim.isa.launch;

/**
 * A device allocation; the kernel parameter receives its address.
 *
 * @param output read back after the launch
 * @param clocks receives clock deltas written by a microbenchmark (always also {@code output})
 */
public record BufferArg(
    String name, ElementType type, long count, Initializer init, boolean output, boolean clocks)
    implements KernelArg {

  /** Device addresses are 64-bit on every modelled target. */
  public static final int ADDRESS_BYTES = 8;

  @Override
  public int paramBytes() {
    return ADDRESS_BYTES;
  }

  /**
   * Whether the initial contents hold device addresses inside the buffer (a pointer chain), so
   * they depend on where the buffer is allocated.
   */
  public boolean holdsAddresses() {
    return init instanceof Initializer.PointerChase pc && pc.pointers();
  }

  /** Size of the allocation in bytes. */
  public long byteSize() {
    return count * type.bytes();
  }
}
