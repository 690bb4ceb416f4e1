package io.sassim.traces.stats;

import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** How many bytes a trace takes on disk, for the bytes-per-instruction figure. */
public final class InputSize {

  /** What {@link #of} returns when the size cannot be measured. */
  public static final long UNKNOWN = -1;

  private InputSize() {}

  /**
   * The sum of the sizes of the files {@code source} reads: its origin when that is a file (the
   * command list, or a single kernel trace), and every kernel file its commands name, relative
   * names resolved against the origin's folder. Each file counts once. {@link #UNKNOWN} when the
   * origin is not a path on disk (an in-memory or emulated trace) or a named file is missing.
   */
  public static long of(TraceSource source) {
    Path origin;
    try {
      origin = Path.of(source.origin());
    } catch (InvalidPathException e) {
      return UNKNOWN;
    }
    if (!Files.exists(origin)) {
      return UNKNOWN;
    }
    Path folder = Files.isDirectory(origin) ? origin : origin.toAbsolutePath().getParent();
    Set<Path> files = new LinkedHashSet<>();
    if (Files.isRegularFile(origin)) {
      files.add(origin.toAbsolutePath().normalize());
    }
    for (TraceCommand c : source.commands()) {
      if (c instanceof TraceCommand.Kernel k) {
        Path f = k.file().isAbsolute() || folder == null ? k.file() : folder.resolve(k.file());
        if (!Files.isRegularFile(f) && Files.isRegularFile(k.file())) {
          f = k.file(); // a reader that already resolved the name against the working directory
        }
        if (!Files.isRegularFile(f)
            && Files.isRegularFile(origin)
            && k.file().toString().startsWith(source.origin() + "#")) {
          continue; // a kernel stored inside the origin file, as in a native trace
        }
        files.add(f.toAbsolutePath().normalize());
      }
    }
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        return UNKNOWN;
      }
    }
    return total;
  }
}
