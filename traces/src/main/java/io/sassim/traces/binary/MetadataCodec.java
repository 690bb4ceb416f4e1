package io.sassim.traces.binary;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.StaticInstruction;
import java.util.ArrayList;
import java.util.List;

/** Encodes a kernel's launch header and its instruction table, field by field. */
final class MetadataCodec {

  private static final int HAS_IMMEDIATE = 1;
  private static final int HAS_CONTROL = 2;

  /** A launch and a table entry need at least this many bytes; bounds counts read from a file. */
  private static final int MIN_ENTRY_BYTES = 8;

  private MetadataCodec() {}

  static void writeLaunch(KernelLaunch launch, ByteSink out) {
    out.writeString(launch.name());
    out.writeSignedInt(launch.kernelId());
    writeDim(launch.grid(), out);
    writeDim(launch.block(), out);
    out.writeSignedLong(launch.sharedBytes());
    out.writeSignedInt(launch.registersPerThread());
    out.writeSignedInt(launch.binaryVersion());
    out.writeVarLong(launch.streamId());
    out.writeVarLong(launch.sharedWindowBase());
    out.writeVarLong(launch.localWindowBase());
    out.writeString(launch.tracerName());
    out.writeString(launch.tracerVersion());
    out.writeByte(launch.lineInfo() ? 1 : 0);
    out.writeVarInt(launch.extraHeader().size());
    for (String line : launch.extraHeader()) {
      out.writeString(line);
    }
  }

  static KernelLaunch readLaunch(ByteSource in) throws CorruptBlockException {
    String name = in.readString("kernel name");
    int kernelId = in.readSignedInt();
    Dim3 grid = readDim(in);
    Dim3 block = readDim(in);
    long sharedBytes = in.readSignedLong();
    int registers = in.readSignedInt();
    int binaryVersion = in.readSignedInt();
    long streamId = in.readVarLong();
    long sharedBase = in.readVarLong();
    long localBase = in.readVarLong();
    String tracerName = in.readString("tracer name");
    String tracerVersion = in.readString("tracer version");
    int lineInfo = in.readByte();
    if (lineInfo != 0 && lineInfo != 1) {
      throw new CorruptBlockException("line-info flag is " + lineInfo);
    }
    int extraCount = in.readCount(in.remaining(), "extra header line count");
    List<String> extra = new ArrayList<>(extraCount);
    for (int i = 0; i < extraCount; i++) {
      extra.add(in.readString("extra header line"));
    }
    in.expectEnd("launch block");
    return new KernelLaunch(name, kernelId, grid, block, sharedBytes, registers, binaryVersion,
        streamId, sharedBase, localBase, tracerName, tracerVersion, lineInfo == 1, extra);
  }

  static void writeTable(List<StaticInstruction> instructions, ByteSink out) {
    out.writeVarInt(instructions.size());
    for (StaticInstruction s : instructions) {
      out.writeSignedInt(s.pc());
      out.writeSignedInt(s.lineNumber());
      out.writeString(s.opcode());
      writeRanges(s.destinations(), out);
      writeRanges(s.sources(), out);
      out.writeSignedInt(s.memoryWidth());
      out.writeByte((s.hasImmediate() ? HAS_IMMEDIATE : 0) | (s.hasControl() ? HAS_CONTROL : 0));
      if (s.hasImmediate()) {
        out.writeSignedLong(s.immediate());
      }
      if (s.hasControl()) {
        out.writeVarInt(s.control());
      }
    }
  }

  static List<StaticInstruction> readTable(ByteSource in) throws CorruptBlockException {
    int count = in.readCount(in.remaining() / MIN_ENTRY_BYTES, "instruction count");
    List<StaticInstruction> table = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int pc = in.readSignedInt();
      int line = in.readSignedInt();
      String opcode = in.readString("opcode");
      if (opcode.isEmpty()) {
        throw new CorruptBlockException("instruction " + i + " has an empty opcode");
      }
      int[] destinations = readRanges(in);
      int[] sources = readRanges(in);
      int width = in.readSignedInt();
      int flags = in.readUnsignedByte();
      if ((flags & ~(HAS_IMMEDIATE | HAS_CONTROL)) != 0) {
        throw new CorruptBlockException("instruction " + i + " has unknown flags " + flags);
      }
      boolean hasImmediate = (flags & HAS_IMMEDIATE) != 0;
      long immediate = hasImmediate ? in.readSignedLong() : 0;
      int control = (flags & HAS_CONTROL) != 0 ? in.readVarInt() : StaticInstruction.NO_CONTROL;
      if ((flags & HAS_CONTROL) != 0 && control == StaticInstruction.NO_CONTROL) {
        throw new CorruptBlockException("instruction " + i + " has a control field of -1");
      }
      table.add(new StaticInstruction(
          pc, line, opcode, destinations, sources, width, hasImmediate, immediate, control));
    }
    in.expectEnd("instruction table");
    return table;
  }

  /**
   * A table with exactly these ids. {@link InstructionTable#intern} merges equal entries, which a
   * table edited with {@link InstructionTable#replace} may hold, so such an entry is added as a
   * placeholder and then replaced.
   */
  static InstructionTable toTable(List<StaticInstruction> instructions) {
    InstructionTable table = new InstructionTable();
    for (int i = 0; i < instructions.size(); i++) {
      StaticInstruction s = instructions.get(i);
      for (int salt = 0; table.intern(s) != i && table.size() == i; salt++) {
        table.intern(new StaticInstruction(
            i, salt, "\0placeholder", new int[0], new int[0], 0, false, 0, i));
      }
      if (table.size() > i && table.get(i) != s) {
        table.replace(i, s);
      }
    }
    return table;
  }

  private static void writeDim(Dim3 d, ByteSink out) {
    out.writeSignedInt(d.x());
    out.writeSignedInt(d.y());
    out.writeSignedInt(d.z());
  }

  private static Dim3 readDim(ByteSource in) throws CorruptBlockException {
    return new Dim3(in.readSignedInt(), in.readSignedInt(), in.readSignedInt());
  }

  private static void writeRanges(int[] ranges, ByteSink out) {
    out.writeVarInt(ranges.length);
    for (int r : ranges) {
      out.writeVarInt(r);
    }
  }

  private static int[] readRanges(ByteSource in) throws CorruptBlockException {
    int n = in.readCount(in.remaining(), "register count");
    int[] ranges = new int[n];
    for (int i = 0; i < n; i++) {
      ranges[i] = in.readVarInt();
    }
    return ranges;
  }
}
