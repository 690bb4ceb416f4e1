package io.sassim.cli;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import io.sassim.isa.InputException;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.LaunchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** The {@code --dump OUTDIR} of the commands that run a launch spec: one file per output buffer. */
final class BufferDump {

  private BufferDump() {}

  /**
   * Writes each {@code output: true} buffer (clock buffers are outputs too) as raw little-endian
   * bytes to {@code dump/<argname>.bin}: into a hidden sibling folder first, renamed into place,
   * so {@code dump} appears complete or not at all.
   */
  static void write(Path dump, LaunchSpec spec, Map<String, byte[]> buffers) throws InputException {
    Path target = dump.toAbsolutePath().normalize();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createDirectory(target.resolveSibling(
          "." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()));
      for (BufferArg b : spec.buffers()) {
        if (b.output()) {
          Files.write(temp.resolve(b.name() + ".bin"), buffers.get(b.name()));
        }
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (IOException e) {
      throw new InputException(dump.toString(), 0, "cannot write: " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          MoreFiles.deleteRecursively(temp, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException ignored) {
          // a leftover hidden temp folder is harmless
        }
      }
    }
  }
}
