package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.CRC32C;

/**
 * A native trace file opened for reading. Opening checks the header, the trailer and the index;
 * CTAs are read on demand, either as a stream per kernel ({@link #openKernel}) or one at a time
 * by position ({@link #readCta}). Every method may be called from several threads at once: the
 * file is read with positional reads, each stream or call has its own buffers, and expanded
 * chunks are shared read-only. Close it when done to release the file. As with any {@link
 * java.nio.channels.FileChannel}, interrupting a thread while it reads closes the file for all.
 *
 * <p>Kernel commands name pseudo-paths {@code <file>#kernel-<n>} (n counting from 1), which
 * identify a kernel of this file and are not files of their own.
 */
public final class NativeTraceReader implements TraceSource {

  private final BlockFile file;
  private final long indexOffset;
  private final List<TraceCommand> commands;
  private final List<TraceCommand.Kernel> kernelCommands;
  private final Map<TraceCommand.Kernel, Integer> ordinals = new HashMap<>();
  private final List<TraceIndex.Kernel> kernels;
  private final List<KernelLaunch> launches;
  private final AtomicReferenceArray<List<StaticInstruction>> tables;
  private final ChunkCache cache =
      new ChunkCache(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

  private NativeTraceReader(BlockFile file, long indexOffset, TraceIndex index)
      throws InputException {
    this.file = file;
    this.indexOffset = indexOffset;
    this.kernels = index.kernels;
    List<TraceCommand> cmds = new ArrayList<>(index.commands.size());
    List<TraceCommand.Kernel> kernelCmds = new ArrayList<>(kernels.size());
    for (TraceIndex.Command c : index.commands) {
      if (c.kernel() < 0) {
        cmds.add(new TraceCommand.Memcpy(c.address(), c.bytes()));
      } else {
        TraceCommand.Kernel k =
            new TraceCommand.Kernel(Path.of(file.path() + "#kernel-" + (c.kernel() + 1)));
        ordinals.put(k, c.kernel());
        kernelCmds.add(k);
        cmds.add(k);
      }
    }
    this.commands = List.copyOf(cmds);
    this.kernelCommands = List.copyOf(kernelCmds);
    checkPlacement();
    List<KernelLaunch> launchList = new ArrayList<>(kernels.size());
    try (BlockFile.BlockReader reader = file.new BlockReader()) {
      for (int k = 0; k < kernels.size(); k++) {
        String label = "kernel " + (k + 1) + " launch";
        byte[] raw = reader.read(
            kernels.get(k).launchOffset, indexOffset, NativeFormat.KIND_LAUNCH, label);
        try {
          launchList.add(MetadataCodec.readLaunch(new ByteSource(raw, 0, reader.rawLength())));
        } catch (CorruptBlockException e) {
          throw file.error(label + ": " + e.getMessage());
        }
      }
    }
    this.launches = List.copyOf(launchList);
    this.tables = new AtomicReferenceArray<>(kernels.size());
  }

  /** Opens and checks {@code path}; see {@link NativeTraces#open}. */
  static NativeTraceReader open(Path path) throws InputException {
    BlockFile file = BlockFile.open(path);
    try {
      long indexOffset = readHeaderAndTrailer(file);
      TraceIndex index;
      try (BlockFile.BlockReader reader = file.new BlockReader()) {
        byte[] raw = reader.read(indexOffset, file.size() - NativeFormat.TRAILER_BYTES,
            NativeFormat.KIND_INDEX, "index");
        long indexEnd = indexOffset + NativeFormat.FRAME_BYTES
            + Integer.toUnsignedLong(reader.storedLength());
        if (indexEnd != file.size() - NativeFormat.TRAILER_BYTES) {
          throw file.error("index at byte " + indexOffset + " does not end at the trailer");
        }
        index = TraceIndex.decode(new ByteSource(raw, 0, reader.rawLength()));
      } catch (CorruptBlockException e) {
        throw file.error("index at byte " + indexOffset + ": " + e.getMessage());
      }
      return new NativeTraceReader(file, indexOffset, index);
    } catch (InputException | RuntimeException | Error e) {
      file.close();
      throw e;
    }
  }

  /** Checks magic, version and checksums; returns the index offset the trailer gives. */
  private static long readHeaderAndTrailer(BlockFile file) throws InputException {
    long size = file.size();
    int magicBytes = (int) Math.min(size, NativeFormat.MAGIC.length);
    ByteBuffer head = file.readFully(0, magicBytes);
    if (!Arrays.equals(Arrays.copyOf(head.array(), magicBytes), NativeFormat.MAGIC)) {
      throw file.error("not a sassim native trace (wrong magic number)");
    }
    long minimum = NativeFormat.HEADER_BYTES + NativeFormat.FRAME_BYTES + NativeFormat.TRAILER_BYTES;
    if (size < minimum) {
      throw file.error("only " + size + " bytes, fewer than the " + minimum
          + " of an empty trace: the file is truncated");
    }
    ByteBuffer header = file.readFully(0, NativeFormat.HEADER_BYTES);
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, 12);
    if ((int) crc.getValue() != header.getInt(12)) {
      throw file.error("header at byte 0: checksum mismatch");
    }
    int version = header.getInt(8);
    if (version != NativeFormat.VERSION) {
      throw file.error("format version " + Integer.toUnsignedString(version)
          + " is not supported; this sassim reads version " + NativeFormat.VERSION);
    }
    long trailerAt = size - NativeFormat.TRAILER_BYTES;
    ByteBuffer trailer = file.readFully(trailerAt, NativeFormat.TRAILER_BYTES);
    if (!Arrays.equals(Arrays.copyOfRange(trailer.array(), 12, 16), NativeFormat.END_MAGIC)) {
      throw file.error("no trailer at byte " + trailerAt
          + ": the file is truncated or was not finished");
    }
    crc.reset();
    crc.update(trailer.array(), 0, 8);
    if ((int) crc.getValue() != trailer.getInt(8)) {
      throw file.error("trailer at byte " + trailerAt + ": checksum mismatch");
    }
    long indexOffset = trailer.getLong(0);
    if (indexOffset < NativeFormat.HEADER_BYTES
        || indexOffset > trailerAt - NativeFormat.FRAME_BYTES) {
      throw file.error("trailer points to an index at byte " + Long.toUnsignedString(indexOffset)
          + ", outside the file's " + size + " bytes");
    }
    return indexOffset;
  }

  /** Every block the index names must lie between the header and the index. */
  private void checkPlacement() throws InputException {
    for (int k = 0; k < kernels.size(); k++) {
      TraceIndex.Kernel kernel = kernels.get(k);
      checkInDataArea(kernel.launchOffset, 0, "kernel " + (k + 1) + " launch");
      checkInDataArea(kernel.tableOffset, 0, "kernel " + (k + 1) + " instruction table");
      for (int c = 0; c < kernel.chunkCount; c++) {
        checkInDataArea(kernel.chunkOffset[c], kernel.chunkStored[c], chunkLabel(k, c));
      }
    }
  }

  private void checkInDataArea(long offset, long storedLength, String label)
      throws InputException {
    if (offset < NativeFormat.HEADER_BYTES
        || offset + NativeFormat.FRAME_BYTES + storedLength > indexOffset) {
      throw file.error("index places " + label + " at byte " + offset
          + ", outside the data area (bytes " + NativeFormat.HEADER_BYTES + ".." + indexOffset
          + ")");
    }
  }

  private static String chunkLabel(int kernel, int chunk) {
    return "kernel " + (kernel + 1) + " CTA chunk " + chunk;
  }

  @Override
  public String origin() {
    return file.path().toString();
  }

  @Override
  public List<TraceCommand> commands() {
    return commands;
  }

  /** The kernel commands of {@link #commands()}, in launch order. */
  public List<TraceCommand.Kernel> kernels() {
    return kernelCommands;
  }

  public KernelLaunch launch(TraceCommand.Kernel kernel) {
    return launches.get(ordinal(kernel));
  }

  /** A fresh copy of the kernel's complete instruction table. */
  public InstructionTable instructions(TraceCommand.Kernel kernel) throws InputException {
    return MetadataCodec.toTable(table(ordinal(kernel)));
  }

  public int ctaCount(TraceCommand.Kernel kernel) {
    return kernels.get(ordinal(kernel)).ctaCount;
  }

  /** The id of CTA {@code index} in file order, from the index alone. */
  public Dim3 ctaId(TraceCommand.Kernel kernel, int index) {
    return kernels.get(ordinal(kernel)).ctaId(checkCta(ordinal(kernel), index));
  }

  /** The warp instructions of CTA {@code index}, from the index alone (for load balancing). */
  public long warpInstructions(TraceCommand.Kernel kernel, int index) {
    int k = ordinal(kernel);
    return kernels.get(k).warpInstructions[checkCta(k, index)];
  }

  /**
   * Reads CTA {@code index} (0-based, in the order written) on its own; safe to call from several
   * threads at once. Expanded chunks are cached, so neighbouring CTAs cost little more than one.
   */
  public CtaTrace readCta(TraceCommand.Kernel kernel, int index) throws InputException {
    int k = ordinal(kernel);
    checkCta(k, index);
    int c = kernels.get(k).chunk[index];
    long key = ChunkCache.key(k, c);
    byte[] chunk = cache.get(key);
    if (chunk == null) {
      try (BlockFile.BlockReader reader = file.new BlockReader()) {
        chunk = Arrays.copyOf(readChunk(k, c, reader), kernels.get(k).chunkRaw[c]);
      }
      cache.put(key, chunk);
    }
    return decodeCta(k, index, chunk, new CtaDecoder());
  }

  @Override
  public KernelTrace openKernel(TraceCommand.Kernel kernel) throws InputException {
    return openKernel(kernel, NativeKernelTrace.DECODE_AHEAD);
  }

  /**
   * Like {@link #openKernel(TraceCommand.Kernel)}, choosing whether CTAs are decoded ahead on
   * other threads; the CTAs handed out are the same either way.
   */
  KernelTrace openKernel(TraceCommand.Kernel kernel, boolean decodeAhead) throws InputException {
    int k = ordinal(kernel);
    return new NativeKernelTrace(
        this, k, launches.get(k), MetadataCodec.toTable(table(k)), decodeAhead);
  }

  /** Bytes of chunk {@code c} once expanded. */
  int chunkRawLength(int kernel, int c) {
    return kernels.get(kernel).chunkRaw[c];
  }

  int ctaCount(int kernel) {
    return kernels.get(kernel).ctaCount;
  }

  /** The chunk that holds CTA {@code index}. */
  int chunkOf(int kernel, int index) {
    return kernels.get(kernel).chunk[index];
  }

  /** Reads and expands chunk {@code c}; the result is valid until the reader's next read. */
  byte[] readChunk(int k, int c, BlockFile.BlockReader reader) throws InputException {
    TraceIndex.Kernel kernel = kernels.get(k);
    byte[] raw = reader.read(
        kernel.chunkOffset[c], indexOffset, NativeFormat.KIND_CTAS, chunkLabel(k, c));
    if (reader.rawLength() != kernel.chunkRaw[c]
        || reader.storedLength() != kernel.chunkStored[c]) {
      throw file.error(chunkLabel(k, c) + " at byte " + kernel.chunkOffset[c]
          + ": block sizes disagree with the index");
    }
    return raw;
  }

  /** Decodes CTA {@code index} from its expanded chunk. */
  CtaTrace decodeCta(int k, int index, byte[] chunk, CtaDecoder decoder) throws InputException {
    TraceIndex.Kernel kernel = kernels.get(k);
    int c = kernel.chunk[index];
    String where = chunkLabel(k, c) + " at byte " + kernel.chunkOffset[c] + ", CTA " + index;
    CtaTrace cta;
    try {
      cta = decoder.decode(chunk, kernel.rawOffset[index], kernel.rawLength[index], table(k).size());
    } catch (CorruptBlockException e) {
      throw file.error(where + ": " + e.getMessage());
    }
    if (!cta.ctaId().equals(kernel.ctaId(index))
        || cta.warpInstructions() != kernel.warpInstructions[index]) {
      throw file.error(where + ": holds CTA " + cta.ctaId() + " with " + cta.warpInstructions()
          + " warp instructions, the index says " + kernel.ctaId(index) + " with "
          + kernel.warpInstructions[index]);
    }
    return cta;
  }

  BlockFile.BlockReader newBlockReader() {
    return file.new BlockReader();
  }

  /** The kernel's instructions, read once and shared; callers get copies as tables. */
  private List<StaticInstruction> table(int k) throws InputException {
    List<StaticInstruction> table = tables.get(k);
    return table != null ? table : loadTable(k);
  }

  private synchronized List<StaticInstruction> loadTable(int k) throws InputException {
    List<StaticInstruction> table = tables.get(k);
    if (table == null) {
      String label = "kernel " + (k + 1) + " instruction table";
      try (BlockFile.BlockReader reader = file.new BlockReader()) {
        byte[] raw = reader.read(
            kernels.get(k).tableOffset, indexOffset, NativeFormat.KIND_TABLE, label);
        table = List.copyOf(MetadataCodec.readTable(new ByteSource(raw, 0, reader.rawLength())));
      } catch (CorruptBlockException e) {
        throw file.error(label + ": " + e.getMessage());
      }
      tables.set(k, table);
    }
    return table;
  }

  private int ordinal(TraceCommand.Kernel kernel) {
    Integer k = ordinals.get(kernel);
    if (k == null) {
      throw new IllegalArgumentException(kernel + " is not a kernel of " + origin());
    }
    return k;
  }

  private int checkCta(int k, int index) {
    int count = kernels.get(k).ctaCount;
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("CTA " + index + " of a kernel with " + count);
    }
    return index;
  }

  @Override
  public void close() {
    file.close();
  }
}
