package io.sassim.traces.binary;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * Expands blocks into a buffer it reuses, so a stream of CTAs allocates only when a block is larger
 * than any before it. The buffer grows with the data actually expanded, not with the length a
 * frame claims, so a forged length costs no memory. Not thread-safe: one per reading thread.
 */
final class BlockDecompressor implements AutoCloseable {

  /** The largest LZMA2 dictionary a writer uses (preset 9); bounds what a reader allocates. */
  static final int MAX_LZMA2_DICTIONARY = 64 << 20;

  private Inflater inflater;
  private ZstdDecompressor zstd;
  private final ArrayCache xzCache = new BasicArrayCache();
  private byte[] buffer = new byte[4096];

  /**
   * Expands {@code src[off..off+len)} to exactly {@code rawLength} bytes.
   *
   * @return a buffer whose first {@code rawLength} bytes are the block; valid until the next call
   */
  byte[] decompress(Codec codec, byte[] src, int off, int len, int rawLength)
      throws CorruptBlockException {
    int n;
    try {
      n = switch (codec) {
        case STORED -> stored(src, off, len, rawLength);
        case DEFLATE -> inflate(src, off, len, rawLength);
        case LZMA2 -> lzma2(src, off, len, rawLength);
        case ZSTD -> zstd(src, off, len, rawLength);
      };
    } catch (DataFormatException | IOException | RuntimeException e) {
      // A library's own complaint about the stream; the checksum passed, so the writer is at fault.
      throw new CorruptBlockException(codec + " data does not decode: " + e.getMessage());
    }
    if (n != rawLength) {
      throw new CorruptBlockException(
          codec + " data expands to " + n + " bytes, the frame says " + rawLength);
    }
    return buffer;
  }

  /** Makes room for {@code size} bytes, keeping the first {@code keep}. */
  private void ensure(int size, int keep) {
    if (buffer.length < size) {
      buffer = Arrays.copyOf(buffer, Math.max(size, (int) Math.min(Integer.MAX_VALUE - 16,
          Math.max(4096, keep) * 2L)));
    }
  }

  /** The next capacity while expanding: double what there is, never beyond the claim. */
  private int grow(int n, int rawLength) {
    return (int) Math.min(rawLength, Math.max(65536L, 2L * n));
  }

  private int stored(byte[] src, int off, int len, int rawLength) {
    if (len != rawLength) {
      return len;
    }
    ensure(len, 0);
    System.arraycopy(src, off, buffer, 0, len);
    return len;
  }

  private int inflate(byte[] src, int off, int len, int rawLength) throws DataFormatException {
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    inflater.reset();
    inflater.setInput(src, off, len);
    int n = 0;
    while (n < rawLength && !inflater.finished()) {
      ensure(grow(n, rawLength), n);
      int got = inflater.inflate(buffer, n, Math.min(buffer.length, rawLength) - n);
      if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("stream ends early");
      }
      n += got;
    }
    if (!inflater.finished()) {
      // The output is full; the stream must end here without another byte.
      byte[] probe = new byte[1];
      if (inflater.inflate(probe) > 0 || !inflater.finished()) {
        throw new DataFormatException("stream does not end after " + rawLength + " bytes");
      }
    }
    return n;
  }

  private int zstd(byte[] src, int off, int len, int rawLength) {
    if (zstd == null) {
      zstd = new ZstdDecompressor();
    }
    long declared = ZstdDecompressor.getDecompressedSize(src, off, len);
    if (declared != rawLength) {
      return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, declared));
    }
    ensure(rawLength, 0);
    return zstd.decompress(src, off, len, buffer, 0, rawLength);
  }

  private int lzma2(byte[] src, int off, int len, int rawLength) throws IOException {
    LZMA2Options options = new LZMA2Options();
    try {
      options.setDictSize(Math.max(LZMA2Options.DICT_SIZE_MIN,
          Math.min(rawLength, MAX_LZMA2_DICTIONARY)));
    } catch (UnsupportedOptionsException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in =
        options.getInputStream(new ByteArrayInputStream(src, off, len), xzCache)) {
      int n = 0;
      while (n < rawLength) {
        ensure(grow(n, rawLength), n);
        int got = in.read(buffer, n, Math.min(buffer.length, rawLength) - n);
        if (got < 0) {
          return n;
        }
        n += got;
      }
      return in.read() >= 0 ? rawLength + 1 : n;
    }
  }

  @Override
  public void close() {
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }
}
