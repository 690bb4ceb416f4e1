package io.sassim.traces.binary;

import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a traced program as one native trace file. Blocks go to a temporary file beside the
 * target as they arrive, so memory holds one chunk of CTAs plus the index; {@link #commit()} appends the
 * index and trailer and renames the file into place in one step. Not thread-safe.
 */
public final class NativeTraceWriter implements TraceWriter {

  /** The codec new files use; chosen by measurement, see {@code docs/trace-formats.md}. */
  static final Codec DEFAULT_CODEC = Codec.ZSTD;
  /** Level for deflate or LZMA2; aircompressor's zstd has a single level (zstd's 3). */
  static final int DEFAULT_LEVEL = 6;

  /**
   * CTAs are compressed together until their columns reach this many bytes: neighbouring CTAs of
   * a kernel are alike, and only a shared block lets the codec see that. It also bounds what a
   * random access must expand. See {@code docs/trace-formats.md} for the measurements.
   */
  static final int DEFAULT_CHUNK_BYTES = 1 << 20;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream out;
  private final BlockCompressor compressor;
  private final CtaEncoder encoder = new CtaEncoder();
  private final int chunkBytes;
  private final ByteSink raw = new ByteSink(1 << 16);
  private final ByteSink chunk = new ByteSink(1 << 16);
  private int chunkCtas;
  private final ByteSink frame = new ByteSink(NativeFormat.FRAME_BYTES);
  private final CRC32C crc = new CRC32C();
  private final TraceIndex.Builder index = new TraceIndex.Builder();
  private long position;

  private boolean inKernel;
  private long launchOffset;
  private InstructionTable table;
  private boolean committed;
  private boolean closed;

  /** A writer for {@code target} with the default codec. */
  public NativeTraceWriter(Path target) throws IOException {
    this(target, DEFAULT_CODEC, DEFAULT_LEVEL, DEFAULT_CHUNK_BYTES);
  }

  /** A writer with a given codec and chunk size, for measurements and tests. */
  NativeTraceWriter(Path target, Codec codec, int level, int chunkBytes) throws IOException {
    this.chunkBytes = chunkBytes;
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = createSibling(dir, this.target.getFileName().toString());
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    this.compressor = new BlockCompressor(codec, level);
    writeHeader();
  }

  /**
   * A new hidden file next to the target. Not Files.createTempFile: that makes it owner-only,
   * and the rename would hand the user a trace others cannot read.
   */
  private static Path createSibling(Path dir, String name) throws IOException {
    for (long n = System.nanoTime(); ; n++) {
      try {
        return Files.createFile(dir.resolve("." + name + "." + Long.toHexString(n) + ".tmp"));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another writer picked this name; try the next
      }
    }
  }

  private void writeHeader() throws IOException {
    ByteSink header = new ByteSink(NativeFormat.HEADER_BYTES);
    header.writeBytes(NativeFormat.MAGIC, 0, NativeFormat.MAGIC.length);
    header.writeIntLE(NativeFormat.VERSION);
    crc.reset();
    crc.update(header.array(), 0, header.size());
    header.writeIntLE((int) crc.getValue());
    write(header);
  }

  @Override
  public void memcpy(long address, long bytes) {
    checkOpen();
    if (inKernel) {
      throw new IllegalStateException("memcpy inside a kernel");
    }
    index.memcpy(address, bytes);
  }

  @Override
  public void beginKernel(KernelLaunch launch) throws IOException {
    checkOpen();
    if (inKernel) {
      throw new IllegalStateException("beginKernel before endKernel");
    }
    raw.clear();
    MetadataCodec.writeLaunch(launch, raw);
    launchOffset = writeBlock(NativeFormat.KIND_LAUNCH, raw);
    index.beginKernel(position);
    table = null;
    inKernel = true;
  }

  @Override
  public void cta(CtaTrace cta, InstructionTable table) throws IOException {
    checkOpen();
    if (!inKernel) {
      throw new IllegalStateException("cta outside a kernel");
    }
    this.table = table;
    int before = chunk.size();
    try {
      encoder.encode(cta, table.size(), chunk);
    } catch (RuntimeException e) {
      // A rejected CTA must leave no bytes behind in the chunk.
      chunk.truncate(before);
      throw e;
    }
    chunkCtas++;
    index.cta(cta.ctaId(), chunk.size() - before, cta.warpInstructions());
    if (chunk.size() >= chunkBytes) {
      flushChunk();
    }
  }

  private void flushChunk() throws IOException {
    if (chunkCtas > 0) {
      long offset = writeBlock(NativeFormat.KIND_CTAS, chunk);
      index.chunk(offset, (int) (position - offset - NativeFormat.FRAME_BYTES), chunk.size(),
          chunkCtas);
      chunk.clear();
      chunkCtas = 0;
    }
  }

  @Override
  public void endKernel() throws IOException {
    checkOpen();
    if (!inKernel) {
      throw new IllegalStateException("endKernel without beginKernel");
    }
    flushChunk();
    // The table is written last because CTAs may still add instructions to it.
    List<StaticInstruction> instructions = table == null ? List.of() : table.instructions();
    raw.clear();
    MetadataCodec.writeTable(instructions, raw);
    long tableOffset = writeBlock(NativeFormat.KIND_TABLE, raw);
    index.endKernel(launchOffset, tableOffset);
    table = null;
    inKernel = false;
  }

  @Override
  public void commit() throws IOException {
    checkOpen();
    if (inKernel) {
      throw new IllegalStateException("commit inside a kernel");
    }
    raw.clear();
    index.encode(raw);
    long indexOffset = writeBlock(NativeFormat.KIND_INDEX, raw);
    ByteSink trailer = new ByteSink(NativeFormat.TRAILER_BYTES);
    trailer.writeLongLE(indexOffset);
    crc.reset();
    crc.update(trailer.array(), 0, 8);
    trailer.writeIntLE((int) crc.getValue());
    trailer.writeBytes(NativeFormat.END_MAGIC, 0, NativeFormat.END_MAGIC.length);
    write(trailer);
    out.flush();
    channel.force(true);
    out.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
    compressor.close();
  }

  /** Bytes written so far, the final size after {@link #commit()}. */
  public long size() {
    return position;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    compressor.close();
    if (!committed) {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  private void checkOpen() {
    if (committed || closed) {
      throw new IllegalStateException("writer for " + target + " is already "
          + (committed ? "committed" : "closed"));
    }
  }

  /** Compresses {@code content} as one framed block; returns its offset. */
  private long writeBlock(int kind, ByteSink content) throws IOException {
    long offset = position;
    Codec codec = compressor.compress(content.array(), content.size());
    int stored = compressor.outputLength();
    frame.clear();
    frame.writeByte(kind);
    frame.writeByte(codec.id);
    frame.writeByte(0);
    frame.writeByte(0);
    frame.writeIntLE(stored);
    frame.writeIntLE(content.size());
    crc.reset();
    crc.update(frame.array(), 0, frame.size());
    crc.update(compressor.output(), 0, stored);
    frame.writeIntLE((int) crc.getValue());
    write(frame);
    out.write(compressor.output(), 0, stored);
    position += stored;
    return offset;
  }

  private void write(ByteSink bytes) throws IOException {
    out.write(bytes.array(), 0, bytes.size());
    position += bytes.size();
  }
}
