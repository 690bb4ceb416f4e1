package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry points for the native trace format: recognise, open and create {@code .sstrace} files. */
public final class NativeTraces {

  /** The file name suffix of native traces. */
  public static final String EXTENSION = NativeFormat.EXTENSION;

  private NativeTraces() {}

  /**
   * True when {@code path} is a readable file starting with the native magic number. Reads eight
   * bytes, so a command line can tell formats apart by content rather than by name.
   */
  public static boolean isNativeTrace(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path)) {
      return Arrays.equals(in.readNBytes(NativeFormat.MAGIC.length), NativeFormat.MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Opens a native trace, checking its header, trailer and index. Close the reader when done.
   *
   * @throws InputException when the file is missing, not a native trace, of an unknown version,
   *     truncated or damaged
   */
  public static NativeTraceReader open(Path path) throws InputException {
    return NativeTraceReader.open(path);
  }

  /** A writer that publishes {@code path} when committed. */
  public static NativeTraceWriter newWriter(Path path) throws IOException {
    return new NativeTraceWriter(path);
  }
}
