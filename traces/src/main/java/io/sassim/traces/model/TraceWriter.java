package io.sassim.traces.model;

import java.io.IOException;

/**
 * Receives a traced program in order: copies and kernels, each kernel as its launch, its CTAs and
 * an end. Output appears only at {@link #commit()}, which publishes it atomically; closing an
 * uncommitted writer deletes what it wrote, so a failed run leaves nothing half-written.
 */
public interface TraceWriter extends AutoCloseable {

  void memcpy(long address, long bytes) throws IOException;

  void beginKernel(KernelLaunch launch) throws IOException;

  /**
   * One thread block. {@code table} resolves the block's instruction ids; it is the same table
   * for every block of a kernel and may have grown since the previous block.
   */
  void cta(CtaTrace cta, InstructionTable table) throws IOException;

  void endKernel() throws IOException;

  /** Finishes every file and moves the output into place. */
  void commit() throws IOException;

  /** Discards the output unless {@link #commit()} succeeded. */
  @Override
  void close() throws IOException;
}
