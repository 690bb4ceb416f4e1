package io.sassim.traces.accelsim;

import io.sassim.isa.InputException;
import java.nio.charset.StandardCharsets;

/**
 * One line split into whitespace-separated tokens, with number parsers that report bad fields as
 * {@link InputException}s naming the file and line. Tokens are index ranges into the reader's
 * buffer, so splitting and parsing allocate nothing; only error messages build strings.
 */
final class TraceLine {

  /** More tokens than any real line has (an instruction line has at most 4 + 46). */
  static final int MAX_TOKENS = 80;

  private final String file;
  private final int[] starts = new int[MAX_TOKENS];
  private final int[] ends = new int[MAX_TOKENS];
  private byte[] buf;
  private int count;
  private int lineNumber;

  TraceLine(String file) {
    this.file = file;
  }

  /** Splits the current line of {@code reader}. */
  void split(LineReader reader) throws InputException {
    // Locals rather than fields in the loop: this is the hottest code of the reader.
    byte[] b = reader.buffer();
    int[] s = starts;
    int[] e = ends;
    int n = 0;
    int i = reader.start();
    int end = reader.end();
    buf = b;
    lineNumber = reader.number();
    while (true) {
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i == end) {
        break;
      }
      if (n == MAX_TOKENS) {
        count = n;
        throw error("more than " + MAX_TOKENS + " fields");
      }
      s[n] = i;
      while (i < end && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
      e[n++] = i;
    }
    count = n;
  }

  int count() {
    return count;
  }

  int lineNumber() {
    return lineNumber;
  }

  byte[] buffer() {
    return buf;
  }

  int start(int t) {
    return starts[t];
  }

  int end(int t) {
    return ends[t];
  }

  int length(int t) {
    return ends[t] - starts[t];
  }

  String text(int t) {
    return new String(buf, starts[t], ends[t] - starts[t], StandardCharsets.ISO_8859_1);
  }

  boolean startsWith0x(int t) {
    return length(t) > 2 && buf[starts[t]] == '0' && buf[starts[t] + 1] == 'x';
  }

  /** Fails unless token {@code t} exists; {@code what} names the missing field. */
  void require(int t, String what) throws InputException {
    if (t >= count) {
      throw error("line ends before the " + what);
    }
  }

  /** Bare hex digits ({@code 00f0}, {@code ffffffff}), at most {@code maxDigits}. */
  long hex(int t, int maxDigits, String what) throws InputException {
    require(t, what);
    return hexDigits(t, starts[t], maxDigits, what);
  }

  /** {@code 0x} followed by 1 to 16 hex digits: a 64-bit address. */
  long address(int t, String what) throws InputException {
    require(t, what);
    if (!startsWith0x(t)) {
      throw error(what + " must be 0x followed by hex digits, got '" + text(t) + "'");
    }
    return hexDigits(t, starts[t] + 2, 16, what);
  }

  private long hexDigits(int t, int from, int maxDigits, String what) throws InputException {
    int to = ends[t];
    if (to == from || to - from > maxDigits) {
      throw error(what + " must be 1 to " + maxDigits + " hex digits, got '" + text(t) + "'");
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = hexValue(buf[i]);
      if (d < 0) {
        throw error(what + " is not hex: '" + text(t) + "'");
      }
      v = v << 4 | d;
    }
    return v;
  }

  private static int hexValue(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /** A decimal integer, optionally negative, within {@code [min, max]}. */
  long decimal(int t, long min, long max, String what) throws InputException {
    require(t, what);
    return decimal(buf, starts[t], ends[t], min, max, what, this);
  }

  /** Small non-negative decimal, for counts. */
  int count(int t, int max, String what) throws InputException {
    return (int) decimal(t, 0, max, what);
  }

  /** {@code R<n>} with n in 0..255 (255 is RZ). */
  int register(int t, String what) throws InputException {
    require(t, what);
    int from = starts[t];
    if (length(t) < 2 || buf[from] != 'R') {
      throw error(what + " must be a register R0..R255, got '" + text(t) + "'");
    }
    return (int) decimal(buf, from + 1, ends[t], 0, 255, what, this);
  }

  /** Whether token {@code t} is exactly {@code literal}. */
  boolean is(int t, String literal) {
    if (t >= count || length(t) != literal.length()) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      if (buf[starts[t] + i] != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  InputException error(String problem) {
    return new InputException(file, lineNumber, problem);
  }

  /**
   * Parses {@code buf[from, to)} as a decimal within {@code [min, max]}; overflow, stray characters
   * and empty input are errors reported through {@code line}.
   */
  private static long decimal(
      byte[] buf, int from, int to, long min, long max, String what, TraceLine line)
      throws InputException {
    int i = from;
    boolean negative = i < to && buf[i] == '-';
    if (negative) {
      i++;
    }
    if (i == to || to - i > 19) {
      throw line.error(
          what + " must be a decimal number of 1 to 19 digits, got '" + ascii(buf, from, to) + "'");
    }
    // Accumulate negatively so that Long.MIN_VALUE parses; 19 digits cannot wrap twice.
    long v = 0;
    for (; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw line.error(what + " must be a decimal number, got '" + ascii(buf, from, to) + "'");
      }
      if (v < (Long.MIN_VALUE + d) / 10) {
        throw line.error(what + " is out of range: " + ascii(buf, from, to));
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        throw line.error(what + " is out of range: " + ascii(buf, from, to));
      }
      v = -v;
    }
    if (v < min || v > max) {
      throw line.error(what + " must be in " + min + ".." + max + ", got " + v);
    }
    return v;
  }

  private static String ascii(byte[] buf, int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
