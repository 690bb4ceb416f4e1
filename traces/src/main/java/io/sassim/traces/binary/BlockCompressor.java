package io.sassim.traces.binary;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.FinishableOutputStream;
import org.tukaani.xz.FinishableWrapperOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * Compresses blocks with one codec and level, keeping the codec's state between blocks. A block
 * that would not shrink is stored as it is. Not thread-safe: one per writer.
 */
final class BlockCompressor implements AutoCloseable {

  private final Codec codec;
  private final int level;
  private Deflater deflater;
  private ZstdCompressor zstd;
  private final ArrayCache xzCache = new BasicArrayCache();
  private byte[] scratch = new byte[1024];
  private int length;

  /** @param level deflate 1..9 or LZMA2 preset 0..9; ignored by the other codecs */
  BlockCompressor(Codec codec, int level) {
    this.codec = codec;
    this.level = level;
  }

  Codec codec() {
    return codec;
  }

  /**
   * Compresses {@code src[0..len)}; afterwards {@link #output()} holds {@link #outputLength()}
   * bytes.
   *
   * @return the codec actually used: {@link Codec#STORED} when compression did not pay
   */
  Codec compress(byte[] src, int len) throws IOException {
    if (scratch.length < len) {
      scratch = new byte[Math.max(len, scratch.length * 2)];
    }
    int n = switch (codec) {
      case STORED -> -1;
      case DEFLATE -> deflate(src, len);
      case LZMA2 -> lzma2(src, len);
      case ZSTD -> zstd(src, len);
    };
    if (n < 0 || n >= len) {
      System.arraycopy(src, 0, scratch, 0, len);
      length = len;
      return Codec.STORED;
    }
    length = n;
    return codec;
  }

  byte[] output() {
    return scratch;
  }

  int outputLength() {
    return length;
  }

  /** Deflates into at most {@code len} bytes; -1 when it does not fit. */
  private int deflate(byte[] src, int len) {
    if (deflater == null) {
      deflater = new Deflater(level, true);
    }
    deflater.reset();
    deflater.setInput(src, 0, len);
    deflater.finish();
    int n = 0;
    while (!deflater.finished()) {
      if (n == len) {
        return -1;
      }
      n += deflater.deflate(scratch, n, len - n);
    }
    return n;
  }

  private int zstd(byte[] src, int len) {
    if (zstd == null) {
      zstd = new ZstdCompressor();
    }
    int bound = zstd.maxCompressedLength(len);
    if (scratch.length < bound) {
      scratch = new byte[bound];
    }
    return zstd.compress(src, 0, len, scratch, 0, bound);
  }

  private int lzma2(byte[] src, int len) throws IOException {
    LZMA2Options options;
    try {
      options = new LZMA2Options(level);
      // A dictionary larger than the block buys nothing and costs the reader memory.
      options.setDictSize(Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(len,
          Math.min(options.getDictSize(), BlockDecompressor.MAX_LZMA2_DICTIONARY))));
    } catch (UnsupportedOptionsException e) {
      throw new IllegalArgumentException("LZMA2 level " + level, e);
    }
    BoundedArrayOutput out = new BoundedArrayOutput(scratch, len);
    FinishableOutputStream lzma =
        options.getOutputStream(new FinishableWrapperOutputStream(out), xzCache);
    lzma.write(src, 0, len);
    lzma.finish();
    return out.overflow ? -1 : out.count;
  }

  @Override
  public void close() {
    if (deflater != null) {
      deflater.end();
      deflater = null;
    }
  }

  /** Writes into a fixed array and notes, rather than stores, what does not fit. */
  private static final class BoundedArrayOutput extends OutputStream {
    private final byte[] buf;
    private final int max;
    int count;
    boolean overflow;

    BoundedArrayOutput(byte[] buf, int max) {
      this.buf = buf;
      this.max = max;
    }

    @Override
    public void write(int b) {
      if (count < max) {
        buf[count++] = (byte) b;
      } else {
        overflow = true;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len <= max - count) {
        System.arraycopy(b, off, buf, count, len);
        count += len;
      } else {
        overflow = true;
      }
    }
  }
}
