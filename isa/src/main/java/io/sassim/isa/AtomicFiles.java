package io.sassim.isa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a hidden sibling first, then renamed over the target,
 * so a reader (or a run killed mid-write) never sees half a file. The one place every module
 * writes its small outputs (reports, captures, sweep results) through.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target}, creating its folder. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // A file system without atomic renames: still never a partly written target.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** {@link #write(Path, byte[])} for an output named by the user: a failure names the file. */
  public static void writeOutput(Path target, byte[] bytes) throws InputException {
    try {
      write(target, bytes);
    } catch (IOException e) {
      throw new InputException(target.toString(), 0, "cannot write: " + e.getMessage(), e);
    }
  }

  /** {@link #writeOutput(Path, byte[])} of UTF-8 text. */
  public static void writeOutput(Path target, String text) throws InputException {
    writeOutput(target, text.getBytes(StandardCharsets.UTF_8));
  }
}
