package io.sassim.traces.model;

import java.nio.file.Path;

/** One line of a command list: a host-to-device copy or a kernel launch, in program order. */
public sealed interface TraceCommand {

  /** {@code MemcpyHtoD,0x<address>,<bytes>}: the copied range can be installed in L2. */
  record Memcpy(long address, long bytes) implements TraceCommand {}

  /** A kernel whose trace lives in {@code file}. */
  record Kernel(Path file) implements TraceCommand {}
}
