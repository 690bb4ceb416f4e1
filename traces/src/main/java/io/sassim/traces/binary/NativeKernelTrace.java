package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;

/**
 * One kernel of a native trace read in file order, one CTA at a time, expanding each chunk once
 * into a buffer it reuses, so memory holds one chunk and one CTA. The instruction table is complete from the start.
 */
final class NativeKernelTrace implements KernelTrace {

  private final NativeTraceReader file;
  private final int kernel;
  private final KernelLaunch launch;
  private final InstructionTable table;
  private final boolean hasControlBits;
  private final BlockFile.BlockReader reader;
  private final CtaDecoder decoder = new CtaDecoder();
  private int next;
  private int loadedChunk = -1;
  private byte[] chunk;
  private boolean closed;

  NativeKernelTrace(NativeTraceReader file, int kernel, KernelLaunch launch, InstructionTable table) {
    this.file = file;
    this.kernel = kernel;
    this.launch = launch;
    this.table = table;
    this.hasControlBits = table.allHaveControl();
    this.reader = file.newBlockReader();
  }

  @Override
  public KernelLaunch launch() {
    return launch;
  }

  @Override
  public InstructionTable instructions() {
    return table;
  }

  @Override
  public boolean hasControlBits() {
    return hasControlBits;
  }

  @Override
  public CtaTrace nextCta() throws InputException {
    if (closed) {
      throw new IllegalStateException("kernel trace is closed");
    }
    if (next >= file.ctaCount(kernel)) {
      return null;
    }
    int c = file.chunkOf(kernel, next);
    if (c != loadedChunk) {
      chunk = file.readChunk(kernel, c, reader);
      loadedChunk = c;
    }
    return file.decodeCta(kernel, next++, chunk, decoder);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      reader.close();
    }
  }
}
