package io.sassim.isa;

import java.nio.file.Path;

/**
 * Bad user input: a malformed listing, trace, config or launch spec. It always names the file and,
 * where one applies, the 1-based line, so the CLI can print {@code file:line: message} and exit 2
 * without a stack trace.
 */
public class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String problem;

  /** @param line 1-based line number, or 0 when the problem concerns the whole file */
  public InputException(String file, int line, String problem) {
    super(format(file, line, problem));
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public InputException(Path file, int line, String problem) {
    this(file.toString(), line, problem);
  }

  public InputException(String file, int line, String problem, Throwable cause) {
    this(file, line, problem);
    initCause(cause);
  }

  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the whole file is at fault. */
  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }

  private static String format(String file, int line, String problem) {
    return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
  }
}
