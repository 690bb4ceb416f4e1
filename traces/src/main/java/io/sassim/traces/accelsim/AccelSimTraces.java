package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.tukaani.xz.XZInputStream;

/**
 * Entry points for Accel-Sim NVBit traces: open a traced program or one kernel, or write a trace
 * folder that Accel-Sim itself can run. See {@code docs/trace-formats.md}.
 */
public final class AccelSimTraces {

  /** The command list the post-processor writes in every trace folder. */
  public static final String COMMAND_LIST = "kernelslist.g";

  private AccelSimTraces() {}

  /**
   * Opens a traced program from a folder holding {@code kernelslist.g}, from a command list file,
   * or from a single {@code .traceg} / {@code .traceg.xz} file (a program of one kernel).
   */
  public static TraceSource open(Path path) throws InputException {
    if (Files.isDirectory(path)) {
      Path list = path.resolve(COMMAND_LIST);
      if (!Files.isRegularFile(list)) {
        throw new InputException(path.toString(), 0, "folder has no " + COMMAND_LIST);
      }
      return new AccelSimTraceSource(list.toString(), CommandList.read(list));
    }
    if (!Files.exists(path)) {
      throw new InputException(path.toString(), 0, "no such file or folder");
    }
    if (isKernelFile(path)) {
      return new AccelSimTraceSource(path.toString(), List.of(new TraceCommand.Kernel(path)));
    }
    String name = String.valueOf(path.getFileName());
    if (name.endsWith(".trace") || name.endsWith(".trace.xz")) {
      throw new InputException(path.toString(), 0, CommandList.RAW_TRACE);
    }
    return new AccelSimTraceSource(path.toString(), CommandList.read(path));
  }

  /** Whether {@code path} is named like a post-processed kernel trace. */
  public static boolean isKernelFile(Path path) {
    String name = String.valueOf(path.getFileName());
    return name.endsWith(".traceg") || name.endsWith(".traceg.xz");
  }

  /**
   * Opens one kernel trace and reads its header; a name ending in {@code .xz} is decompressed
   * while reading.
   */
  public static KernelTrace openKernel(Path file) throws InputException {
    String name = file.toString();
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new InputException(name, 0, "no such file");
    } catch (IOException e) {
      throw new InputException(name, 0, "cannot open: " + LineReader.describe(e), e);
    }
    InputStream in = raw;
    if (name.endsWith(".xz")) {
      try {
        in = new XZInputStream(new BufferedInputStream(raw, 1 << 16));
      } catch (IOException e) {
        closeQuietly(raw);
        throw new InputException(name, 0, "cannot read as xz: " + LineReader.describe(e), e);
      }
    }
    return openKernel(name, in);
  }

  /**
   * Reads a kernel trace from an uncompressed stream, which the trace closes; {@code origin}
   * names it in messages.
   */
  public static KernelTrace openKernel(String origin, InputStream in) throws InputException {
    return AccelSimKernelReader.open(new LineReader(in, origin));
  }

  /** A writer of an uncompressed trace folder; see {@link AccelSimTraceWriter}. */
  public static TraceWriter writer(Path folder) throws IOException {
    return new AccelSimTraceWriter(folder, false);
  }

  /** A writer of a trace folder, with {@code .traceg.xz} kernel files when {@code compress}. */
  public static TraceWriter writer(Path folder, boolean compress) throws IOException {
    return new AccelSimTraceWriter(folder, compress);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Reporting the failure to open matters more.
    }
  }
}
