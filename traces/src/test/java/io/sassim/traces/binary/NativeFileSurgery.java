package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Finds and rewrites the parts of a native file, for the corruption tests. */
final class NativeFileSurgery {

  /** Bytes {@code [start, end)} of a file: the header, one framed block, or the trailer. */
  record Region(String name, int kind, int start, int end) {}

  private NativeFileSurgery() {}

  /** Walks the file's blocks, which follow each other from the header to the trailer. */
  static List<Region> regions(byte[] file) {
    List<Region> regions = new ArrayList<>();
    regions.add(new Region("header", 0, 0, NativeFormat.HEADER_BYTES));
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int pos = NativeFormat.HEADER_BYTES;
    int trailer = file.length - NativeFormat.TRAILER_BYTES;
    while (pos < trailer) {
      int kind = file[pos];
      int end = pos + NativeFormat.FRAME_BYTES + b.getInt(pos + 4);
      regions.add(new Region(NativeFormat.kindName(kind), kind, pos, end));
      pos = end;
    }
    regions.add(new Region("trailer", 0, trailer, file.length));
    return regions;
  }

  static Region first(byte[] file, int kind) {
    for (Region r : regions(file)) {
      if (r.kind() == kind) {
        return r;
      }
    }
    throw new IllegalArgumentException("no block of kind " + kind);
  }

  /** The index of a well-formed file, which says where each CTA lies. */
  static TraceIndex index(byte[] file) throws CorruptBlockException {
    Region region = first(file, NativeFormat.KIND_INDEX);
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int raw = b.getInt(region.start() + 8);
    try (BlockDecompressor d = new BlockDecompressor()) {
      byte[] payload = d.decompress(Codec.byId(file[region.start() + 1]), file,
          region.start() + NativeFormat.FRAME_BYTES, b.getInt(region.start() + 4), raw);
      return TraceIndex.decode(new ByteSource(payload, 0, raw));
    }
  }

  /** Recomputes the checksum of the block at {@code start}, as a careful forger would. */
  static void reseal(byte[] file, int start) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int stored = b.getInt(start + 4);
    CRC32C crc = new CRC32C();
    crc.update(file, start, 12);
    crc.update(file, start + NativeFormat.FRAME_BYTES, stored);
    b.putInt(start + 12, (int) crc.getValue());
  }

  /** Recomputes a checksum over {@code [start, start+length)} stored at {@code at}. */
  static void resealRange(byte[] file, int start, int length, int at) {
    CRC32C crc = new CRC32C();
    crc.update(file, start, length);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) crc.getValue());
  }

  /**
   * A file whose index block (the last one, written stored) is replaced by {@code payload}; the
   * trailer still points at it.
   */
  static byte[] withIndex(byte[] file, ByteSink payload) {
    Region index = first(file, NativeFormat.KIND_INDEX);
    byte[] out = new byte[index.start() + NativeFormat.FRAME_BYTES + payload.size()
        + NativeFormat.TRAILER_BYTES];
    System.arraycopy(file, 0, out, 0, index.start() + NativeFormat.FRAME_BYTES);
    System.arraycopy(payload.array(), 0, out, index.start() + NativeFormat.FRAME_BYTES,
        payload.size());
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    b.put(index.start() + 1, (byte) Codec.STORED.id);
    b.putInt(index.start() + 4, payload.size());
    b.putInt(index.start() + 8, payload.size());
    reseal(out, index.start());
    System.arraycopy(file, file.length - NativeFormat.TRAILER_BYTES, out,
        out.length - NativeFormat.TRAILER_BYTES, NativeFormat.TRAILER_BYTES);
    return out;
  }

  /** Opens {@code path} and reads every part of it, both ways. */
  static long readEverything(Path path) throws InputException {
    long instructions = 0;
    try (NativeTraceReader reader = NativeTraces.open(path)) {
      for (TraceCommand.Kernel kernel : reader.kernels()) {
        reader.instructions(kernel);
        try (KernelTrace trace = reader.openKernel(kernel)) {
          for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
            instructions += cta.warpInstructions();
          }
        }
        for (int i = reader.ctaCount(kernel) - 1; i >= 0; i--) {
          instructions -= reader.readCta(kernel, i).warpInstructions();
        }
      }
    }
    return instructions;
  }
}
