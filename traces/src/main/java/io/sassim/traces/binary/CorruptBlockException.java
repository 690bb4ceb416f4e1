package io.sassim.traces.binary;

/**
 * A block's content does not decode. Thrown by the decoders, which know no file names; the reader
 * turns it into an {@link io.sassim.isa.InputException} naming the file and the block.
 */
final class CorruptBlockException extends Exception {
  private static final long serialVersionUID = 1L;

  CorruptBlockException(String problem) {
    super(problem);
  }
}
