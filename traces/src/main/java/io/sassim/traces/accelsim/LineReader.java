package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text file line by line into one reusable byte buffer and counts the lines. The current
 * line is a slice of {@link #buffer()}, valid until the next call to {@link #next()}; reading a
 * line allocates nothing, which keeps the trace reader's hot path free of garbage.
 */
final class LineReader implements AutoCloseable {

  /** Longest accepted line; real trace lines are under a kilobyte, kernel names a few. */
  static final int MAX_LINE = 1 << 20;

  private final InputStream in;
  private final String file;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private int lineStart;
  private int lineEnd;
  private int lineNumber;
  private boolean pushedBack;

  LineReader(InputStream in, String file) {
    this.in = in;
    this.file = file;
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws InputException {
    if (pushedBack) {
      pushedBack = false;
      return true;
    }
    int scan = pos;
    while (true) {
      for (int i = scan; i < limit; i++) {
        if (buf[i] == '\n') {
          setLine(pos, i);
          pos = i + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          setLine(pos, limit);
          pos = limit;
          return true;
        }
        return false;
      }
      scan = fill();
    }
  }

  /** Makes the next {@link #next()} return the current line again. */
  void pushBack() {
    pushedBack = true;
  }

  byte[] buffer() {
    return buf;
  }

  int start() {
    return lineStart;
  }

  int end() {
    return lineEnd;
  }

  /** 1-based number of the current line; after the end, the number of lines read. */
  int number() {
    return lineNumber;
  }

  String file() {
    return file;
  }

  /** The current line as text, for header lines and messages. */
  String text() {
    return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /** The current line cut to 80 characters, for quoting in messages. */
  String shortText() {
    String s = text();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Whether the current line begins with {@code prefix} (ASCII). */
  boolean startsWith(String prefix) {
    int n = prefix.length();
    if (lineEnd - lineStart < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[lineStart + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void setLine(int from, int to) {
    // Tolerate CRLF files.
    lineStart = from;
    lineEnd = to > from && buf[to - 1] == '\r' ? to - 1 : to;
    lineNumber++;
  }

  /** Reads more input behind the unread bytes; returns where to resume the newline search. */
  private int fill() throws InputException {
    int unread = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, unread);
      pos = 0;
      limit = unread;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE) {
        throw new InputException(file, lineNumber + 1, "line longer than " + MAX_LINE + " bytes");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new InputException(file, lineNumber + 1, "cannot read: " + describe(e), e);
    }
    return unread;
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null || m.isEmpty() ? kind : kind + ": " + m;
  }

  @Override
  public void close() throws InputException {
    try {
      in.close();
    } catch (IOException e) {
      throw new InputException(file, 0, "cannot close: " + describe(e), e);
    }
  }
}
