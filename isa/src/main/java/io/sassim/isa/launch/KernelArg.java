package io.sassim.isa.launch;

/** One kernel parameter of a launch spec, in the kernel's parameter order. */
public sealed interface KernelArg permits ScalarArg, BufferArg {
  String name();

  /** Bytes this parameter occupies in the kernel's parameter block (8 for a buffer address). */
  int paramBytes();
}
