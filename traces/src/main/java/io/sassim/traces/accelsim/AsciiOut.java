package io.sassim.traces.accelsim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A small buffered text sink for trace lines: numbers are formatted without allocation. */
final class AsciiOut implements AutoCloseable {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private final byte[] digits = new byte[20];
  private int n;

  AsciiOut(OutputStream out) {
    this.out = out;
  }

  AsciiOut text(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return bytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
      }
      put((byte) c);
    }
    return this;
  }

  AsciiOut ch(char c) throws IOException {
    put((byte) c);
    return this;
  }

  /** Signed decimal. */
  AsciiOut decimal(long v) throws IOException {
    if (v < 0) {
      put((byte) '-');
      // Negate digit by digit so that Long.MIN_VALUE prints correctly.
      int k = 0;
      do {
        digits[k++] = (byte) ('0' - v % 10);
        v /= 10;
      } while (v != 0);
      return reversed(k);
    }
    return unsigned(v);
  }

  /** Unsigned decimal, as C prints {@code %lu}. */
  AsciiOut unsigned(long v) throws IOException {
    int k = 0;
    do {
      digits[k++] = (byte) ('0' + Long.remainderUnsigned(v, 10));
      v = Long.divideUnsigned(v, 10);
    } while (v != 0);
    return reversed(k);
  }

  /** Lower-case hex of {@code v} as unsigned, zero-padded to at least {@code minDigits}. */
  AsciiOut hex(long v, int minDigits) throws IOException {
    int k = 0;
    do {
      digits[k++] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    } while (v != 0);
    while (k < minDigits) {
      digits[k++] = '0';
    }
    return reversed(k);
  }

  private AsciiOut reversed(int k) throws IOException {
    while (k > 0) {
      put(digits[--k]);
    }
    return this;
  }

  private AsciiOut bytes(byte[] b) throws IOException {
    for (byte x : b) {
      put(x);
    }
    return this;
  }

  private void put(byte b) throws IOException {
    if (n == buf.length) {
      drain();
    }
    buf[n++] = b;
  }

  private void drain() throws IOException {
    out.write(buf, 0, n);
    n = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      drain();
    } finally {
      out.close();
    }
  }
}
