package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import io.sassim.traces.model.TraceCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code kernelslist.g}: one command per line, in program order.
 *
 * <ul>
 *   <li>{@code MemcpyHtoD,0x<address>,<bytes>}: a host-to-device copy (exactly three fields);
 *   <li>any other line with a comma ({@code cudaMalloc,...} from old tracer forks and the like):
 *       ignored, as Accel-Sim ignores it;
 *   <li>anything else: a kernel trace file, relative to the list's folder, which must exist and
 *       must be post-processed ({@code .traceg}, {@code .traceg.xz}), not a raw {@code .trace};
 *   <li>blank lines: skipped.
 * </ul>
 */
final class CommandList {

  static final String MEMCPY = "MemcpyHtoD";

  static final String RAW_TRACE = "a raw NVBit trace; run Accel-Sim's post-traces-processing to"
      + " get the .traceg files this reader takes";

  private CommandList() {}

  static List<TraceCommand> read(Path list) throws InputException {
    String file = list.toString();
    Path parent = list.getParent();
    Path folder = parent == null ? Path.of("") : parent;
    List<TraceCommand> commands = new ArrayList<>();
    try (LineReader in = new LineReader(openList(list), file)) {
      while (in.next()) {
        String text = in.text().strip();
        if (text.isEmpty()) {
          continue;
        }
        if (text.startsWith(MEMCPY)) {
          commands.add(memcpy(text, file, in.number()));
        } else if (text.indexOf(',') < 0) {
          commands.add(kernel(folder, text, file, in.number()));
        }
      }
    }
    return commands;
  }

  private static InputStream openList(Path list) throws InputException {
    try {
      return Files.newInputStream(list);
    } catch (NoSuchFileException e) {
      throw new InputException(list.toString(), 0, "no such file");
    } catch (IOException e) {
      throw new InputException(list.toString(), 0, "cannot open: " + LineReader.describe(e), e);
    }
  }

  private static TraceCommand.Memcpy memcpy(String text, String file, int lineNumber)
      throws InputException {
    String[] fields = text.split(",", -1);
    String usage = "expected MemcpyHtoD,0x<address>,<bytes>, got '" + text + "'";
    if (fields.length != 3 || !fields[0].equals(MEMCPY)) {
      throw new InputException(file, lineNumber, usage);
    }
    String address = fields[1].strip();
    String bytes = fields[2].strip();
    if (!address.startsWith("0x") || address.length() < 3 || address.length() > 18) {
      throw new InputException(file, lineNumber, usage);
    }
    try {
      long a = Long.parseUnsignedLong(address.substring(2), 16);
      long n = Long.parseLong(bytes);
      if (n < 0) {
        throw new InputException(file, lineNumber, "negative copy size " + n);
      }
      return new TraceCommand.Memcpy(a, n);
    } catch (NumberFormatException e) {
      throw new InputException(file, lineNumber, usage);
    }
  }

  private static TraceCommand.Kernel kernel(Path folder, String name, String file, int lineNumber)
      throws InputException {
    if (name.endsWith(".trace") || name.endsWith(".trace.xz")) {
      throw new InputException(file, lineNumber, "'" + name + "' is " + RAW_TRACE);
    }
    Path path;
    try {
      path = folder.resolve(name);
    } catch (InvalidPathException e) {
      throw new InputException(file, lineNumber, "'" + name + "' is not a file name");
    }
    if (!Files.isRegularFile(path)) {
      throw new InputException(file, lineNumber, "kernel trace file not found: " + path);
    }
    return new TraceCommand.Kernel(path);
  }
}
