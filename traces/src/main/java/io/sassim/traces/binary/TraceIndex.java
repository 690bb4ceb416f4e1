package io.sassim.traces.binary;

import io.sassim.isa.launch.Dim3;
import java.util.ArrayList;
import java.util.List;

/**
 * The footer index: the program's commands in order, and for each kernel where its launch and
 * instruction table blocks lie, where each chunk of CTAs lies, and per CTA its id, its size inside
 * its chunk and its warp instruction count. Per-CTA data sits in primitive arrays, so an index of
 * a million CTAs costs tens of megabytes, not objects.
 */
final class TraceIndex {

  /** A command: a copy when {@code kernel < 0}, else the kernel with that ordinal. */
  record Command(long address, long bytes, int kernel) {}

  /** One kernel's part of the index. */
  static final class Kernel {
    final long launchOffset;
    final long tableOffset;
    final int chunkCount;
    final long[] chunkOffset;
    final int[] chunkStored;
    final int[] chunkRaw;
    final int[] chunkFirstCta;
    final int ctaCount;
    final int[] x;
    final int[] y;
    final int[] z;
    final int[] chunk;
    final int[] rawOffset;
    final int[] rawLength;
    final long[] warpInstructions;

    private Kernel(long launchOffset, long tableOffset, int chunkCount, int ctaCount) {
      this.launchOffset = launchOffset;
      this.tableOffset = tableOffset;
      this.chunkCount = chunkCount;
      chunkOffset = new long[chunkCount];
      chunkStored = new int[chunkCount];
      chunkRaw = new int[chunkCount];
      chunkFirstCta = new int[chunkCount + 1];
      this.ctaCount = ctaCount;
      x = new int[ctaCount];
      y = new int[ctaCount];
      z = new int[ctaCount];
      chunk = new int[ctaCount];
      rawOffset = new int[ctaCount];
      rawLength = new int[ctaCount];
      warpInstructions = new long[ctaCount];
    }

    Dim3 ctaId(int i) {
      return new Dim3(x[i], y[i], z[i]);
    }
  }

  /** Bytes an encoded chunk entry and CTA entry take at least: one per varint. */
  private static final int MIN_CHUNK_ENTRY_BYTES = 4;
  private static final int MIN_CTA_ENTRY_BYTES = 5;

  final List<Command> commands;
  final List<Kernel> kernels;

  private TraceIndex(List<Command> commands, List<Kernel> kernels) {
    this.commands = commands;
    this.kernels = kernels;
  }

  static TraceIndex decode(ByteSource in) throws CorruptBlockException {
    int commandCount = in.readCount(in.remaining(), "command count");
    List<Command> commands = new ArrayList<>(commandCount);
    int kernelCommands = 0;
    for (int i = 0; i < commandCount; i++) {
      int tag = in.readUnsignedByte();
      if (tag == NativeFormat.COMMAND_MEMCPY) {
        commands.add(new Command(in.readVarLong(), in.readVarLong(), -1));
      } else if (tag == NativeFormat.COMMAND_KERNEL) {
        commands.add(new Command(0, 0, kernelCommands++));
      } else {
        throw new CorruptBlockException("command " + i + " has unknown tag " + tag);
      }
    }
    int kernelCount = in.readCount(in.remaining(), "kernel count");
    if (kernelCount != kernelCommands) {
      throw new CorruptBlockException(
          kernelCommands + " kernel commands but " + kernelCount + " kernels");
    }
    List<Kernel> kernels = new ArrayList<>(kernelCount);
    for (int k = 0; k < kernelCount; k++) {
      kernels.add(decodeKernel(in, k + 1));
    }
    in.expectEnd("index");
    return new TraceIndex(List.copyOf(commands), List.copyOf(kernels));
  }

  private static Kernel decodeKernel(ByteSource in, int ordinal) throws CorruptBlockException {
    String where = "kernel " + ordinal + ": ";
    long launchOffset = in.readVarLong();
    long tableOffset = in.readVarLong();
    long expected = in.readVarLong();
    int chunkCount = in.readCount(in.remaining() / MIN_CHUNK_ENTRY_BYTES, "chunk count");
    long[] offsets = new long[chunkCount];
    int[] stored = new int[chunkCount];
    int[] raw = new int[chunkCount];
    int[] ctasIn = new int[chunkCount];
    long ctaTotal = 0;
    for (int c = 0; c < chunkCount; c++) {
      offsets[c] = expected + in.readSignedLong();
      stored[c] = in.readCount(Integer.MAX_VALUE, "chunk stored length");
      raw[c] = in.readCount(Integer.MAX_VALUE, "chunk raw length");
      ctasIn[c] = in.readCount(Integer.MAX_VALUE, "chunk CTA count");
      if (ctasIn[c] == 0) {
        throw new CorruptBlockException(where + "chunk " + c + " holds no CTA");
      }
      ctaTotal += ctasIn[c];
      expected = offsets[c] + NativeFormat.FRAME_BYTES + stored[c];
    }
    int ctaCount = in.readCount(in.remaining() / MIN_CTA_ENTRY_BYTES, "CTA count");
    if (ctaCount != ctaTotal) {
      throw new CorruptBlockException(
          where + "chunks hold " + ctaTotal + " CTAs, the index lists " + ctaCount);
    }
    Kernel kernel = new Kernel(launchOffset, tableOffset, chunkCount, ctaCount);
    System.arraycopy(offsets, 0, kernel.chunkOffset, 0, chunkCount);
    System.arraycopy(stored, 0, kernel.chunkStored, 0, chunkCount);
    System.arraycopy(raw, 0, kernel.chunkRaw, 0, chunkCount);
    int i = 0;
    for (int c = 0; c < chunkCount; c++) {
      kernel.chunkFirstCta[c] = i;
      long rawOffset = 0;
      for (int n = 0; n < ctasIn[c]; n++, i++) {
        kernel.x[i] = in.readSignedInt();
        kernel.y[i] = in.readSignedInt();
        kernel.z[i] = in.readSignedInt();
        kernel.rawLength[i] = in.readCount(Integer.MAX_VALUE, "CTA raw length");
        kernel.warpInstructions[i] = in.readVarLong();
        kernel.chunk[i] = c;
        kernel.rawOffset[i] = (int) Math.min(rawOffset, Integer.MAX_VALUE);
        rawOffset += kernel.rawLength[i];
      }
      if (rawOffset != raw[c]) {
        throw new CorruptBlockException(where + "the CTAs of chunk " + c + " add up to "
            + rawOffset + " bytes, the chunk holds " + raw[c]);
      }
    }
    kernel.chunkFirstCta[chunkCount] = ctaCount;
    return kernel;
  }

  /** Collects the index while a file is written; the writer's memory grows by ~8 bytes a CTA. */
  static final class Builder {
    private final ByteSink commands = new ByteSink();
    private int commandCount;
    private final ByteSink kernels = new ByteSink();
    private int kernelCount;
    private final ByteSink chunks = new ByteSink();
    private int chunkCount;
    private final ByteSink ctas = new ByteSink(1 << 12);
    private int ctaCount;
    private long expectedOffset;
    private long firstChunkOffset;

    void memcpy(long address, long bytes) {
      commands.writeByte(NativeFormat.COMMAND_MEMCPY);
      commands.writeVarLong(address);
      commands.writeVarLong(bytes);
      commandCount++;
    }

    /** @param chunkStart where the kernel's first chunk would begin */
    void beginKernel(long chunkStart) {
      commands.writeByte(NativeFormat.COMMAND_KERNEL);
      commandCount++;
      chunks.clear();
      chunkCount = 0;
      ctas.clear();
      ctaCount = 0;
      expectedOffset = chunkStart;
      firstChunkOffset = chunkStart;
    }

    void cta(Dim3 id, int rawLength, long warpInstructions) {
      ctas.writeSignedInt(id.x());
      ctas.writeSignedInt(id.y());
      ctas.writeSignedInt(id.z());
      ctas.writeVarInt(rawLength);
      ctas.writeVarLong(warpInstructions);
      ctaCount++;
    }

    void chunk(long offset, int storedLength, int rawLength, int ctasInChunk) {
      // Chunks follow each other, so the offset is almost always where the last one ended.
      chunks.writeSignedLong(offset - expectedOffset);
      chunks.writeVarInt(storedLength);
      chunks.writeVarInt(rawLength);
      chunks.writeVarInt(ctasInChunk);
      expectedOffset = offset + NativeFormat.FRAME_BYTES + storedLength;
      chunkCount++;
    }

    void endKernel(long launchOffset, long tableOffset) {
      kernels.writeVarLong(launchOffset);
      kernels.writeVarLong(tableOffset);
      kernels.writeVarLong(firstChunkOffset);
      kernels.writeVarInt(chunkCount);
      kernels.writeSink(chunks);
      kernels.writeVarInt(ctaCount);
      kernels.writeSink(ctas);
      kernelCount++;
    }

    void encode(ByteSink out) {
      out.writeVarInt(commandCount);
      out.writeSink(commands);
      out.writeVarInt(kernelCount);
      out.writeSink(kernels);
    }
  }
}
