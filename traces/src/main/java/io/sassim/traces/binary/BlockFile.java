package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * An open native trace file, read with positional reads only, so any number of threads may read
 * blocks at once. Checks every frame against the file's size and its checksum before trusting a
 * length, and names the file and block in every error.
 */
final class BlockFile implements AutoCloseable {

  private final Path path;
  private final FileChannel channel;
  private final long size;

  private BlockFile(Path path, FileChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
  }

  static BlockFile open(Path path) throws InputException {
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        return new BlockFile(path, channel, channel.size());
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new InputException(path, 0, "cannot read: " + e.getMessage());
    }
  }

  Path path() {
    return path;
  }

  long size() {
    return size;
  }

  InputException error(String problem) {
    return new InputException(path, 0, problem);
  }

  /** Reads {@code length} bytes at {@code position}; the caller has checked they lie in the file. */
  ByteBuffer readFully(long position, int length) throws InputException {
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    readFully(position, buf);
    return buf.flip();
  }

  void readFully(long position, ByteBuffer buf) throws InputException {
    long p = position;
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, p);
        if (n < 0) {
          throw error("ends at byte " + p + " inside a block; the file is truncated");
        }
        p += n;
      }
    } catch (IOException e) {
      throw error("cannot read at byte " + position + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was written; a failed close of a read-only channel loses nothing.
    }
  }

  /**
   * Reads framed blocks with reusable buffers. Not thread-safe: each reading thread has its own.
   */
  final class BlockReader implements AutoCloseable {
    private final ByteBuffer frame =
        ByteBuffer.allocate(NativeFormat.FRAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final BlockDecompressor decompressor = new BlockDecompressor();
    private final CRC32C crc = new CRC32C();
    private ByteBuffer stored = ByteBuffer.allocate(4096);
    private int rawLength;

    /**
     * Reads, checks and expands the block at {@code offset}, which with its frame must end by
     * {@code limit}.
     *
     * @param label names the block in errors, e.g. "kernel 2 CTA 12"
     * @return the expanded block; its first {@link #rawLength()} bytes are valid until the next
     *     read
     */
    byte[] read(long offset, long limit, int kind, String label) throws InputException {
      String where = label + " at byte " + offset;
      if (offset < NativeFormat.HEADER_BYTES || offset > limit - NativeFormat.FRAME_BYTES) {
        throw error(where + ": lies outside the data area (bytes "
            + NativeFormat.HEADER_BYTES + ".." + limit + ")");
      }
      frame.clear();
      readFully(offset, frame);
      frame.flip();
      int gotKind = frame.get(0) & 0xFF;
      int codecId = frame.get(1) & 0xFF;
      int reserved = frame.getShort(2);
      long storedLength = Integer.toUnsignedLong(frame.getInt(4));
      long raw = Integer.toUnsignedLong(frame.getInt(8));
      int checksum = frame.getInt(12);
      long end = offset + NativeFormat.FRAME_BYTES + storedLength;
      if (end > limit) {
        throw error(where + ": " + storedLength + " stored bytes run past byte " + limit
            + (limit == size ? " (end of file): the file is truncated" : ""));
      }
      ByteBuffer payload = storedBuffer((int) storedLength);
      readFully(offset + NativeFormat.FRAME_BYTES, payload);
      crc.reset();
      crc.update(frame.array(), 0, 12);
      crc.update(payload.array(), 0, (int) storedLength);
      if ((int) crc.getValue() != checksum) {
        throw error(where + ": checksum mismatch");
      }
      if (gotKind != kind) {
        throw error(where + ": expected a " + NativeFormat.kindName(kind) + " block, found a "
            + NativeFormat.kindName(gotKind) + " block");
      }
      Codec codec = Codec.byId(codecId);
      if (codec == null || reserved != 0) {
        throw error(where + ": unknown codec " + codecId + " (written by a newer sassim?)");
      }
      // The checksum vouches for the length, but a hand-made file could still ask for the heap.
      if (raw > Math.min(Integer.MAX_VALUE - 16, Runtime.getRuntime().maxMemory() / 4)) {
        throw error(where + ": a block of " + raw + " bytes is too large to expand here");
      }
      rawLength = (int) raw;
      try {
        return decompressor.decompress(codec, payload.array(), 0, (int) storedLength, rawLength);
      } catch (CorruptBlockException e) {
        throw error(where + ": " + e.getMessage());
      }
    }

    int rawLength() {
      return rawLength;
    }

    int storedLength() {
      return frame.getInt(4);
    }

    private ByteBuffer storedBuffer(int length) {
      if (stored.capacity() < length) {
        stored = ByteBuffer.allocate(Math.max(length, stored.capacity() * 2));
      }
      stored.clear().limit(length);
      return stored;
    }

    @Override
    public void close() {
      decompressor.close();
    }
  }
}
