package io.sassim.traces.accelsim;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;

/**
 * Writes one kernel in the tracer-version-4 layout of Accel-Sim's post-processor: the header,
 * then each CTA as a {@code #BEGIN_TB} block with every warp, each instruction line as the tracer
 * prints it (every field followed by a space). Only the first register of a range is written,
 * and only general registers: the format has no others.
 */
final class KernelFileWriter implements AutoCloseable {

  /** The layout written; version 4 allows the optional trailing immediate. */
  static final String TRACER_VERSION = "4";

  static final String FORMAT_COMMENT = "#traces format = [line_num] PC mask dest_num [reg_dests]"
      + " opcode src_num [reg_srcs] mem_width [adrrescompress?] [mem_addresses] immediate";

  private final AsciiOut out;
  private final KernelLaunch launch;
  private final long[] scratch = new long[32];

  KernelFileWriter(AsciiOut out, KernelLaunch launch) throws IOException {
    this.out = out;
    this.launch = launch;
    writeHeader();
  }

  private void writeHeader() throws IOException {
    header(KernelHeader.NAME).text(launch.name()).ch('\n');
    header(KernelHeader.ID).decimal(launch.kernelId()).ch('\n');
    dim(KernelHeader.GRID, launch.grid());
    dim(KernelHeader.BLOCK, launch.block());
    header(KernelHeader.SHMEM).decimal(launch.sharedBytes()).ch('\n');
    header(KernelHeader.NREGS).decimal(launch.registersPerThread()).ch('\n');
    header(KernelHeader.BINARY_VERSION).decimal(launch.binaryVersion()).ch('\n');
    header(KernelHeader.STREAM).unsigned(launch.streamId()).ch('\n');
    header(KernelHeader.SHMEM_BASE).text("0x").hex(launch.sharedWindowBase(), 16).ch('\n');
    header(KernelHeader.LOCAL_BASE).text("0x").hex(launch.localWindowBase(), 16).ch('\n');
    String tracer = launch.tracerName();
    if (tracer.startsWith("nvbit ")) {
      header(KernelHeader.NVBIT).text(tracer.substring("nvbit ".length())).ch('\n');
    } else if (!tracer.isEmpty()) {
      header(KernelHeader.SASSIM_TRACER).text(tracer).ch('\n');
    }
    header(KernelHeader.TRACER_VERSION).text(TRACER_VERSION).ch('\n');
    header(KernelHeader.LINEINFO).decimal(launch.lineInfo() ? 1 : 0).ch('\n');
    for (String extra : launch.extraHeader()) {
      out.text(extra).ch('\n');
    }
    out.ch('\n').text(FORMAT_COMMENT).text("\n\n\n");
  }

  private AsciiOut header(String key) throws IOException {
    return out.ch('-').text(key).text(" = ");
  }

  private void dim(String key, Dim3 d) throws IOException {
    header(key).ch('(').decimal(d.x()).ch(',').decimal(d.y()).ch(',').decimal(d.z()).text(")\n");
  }

  void cta(CtaTrace cta, InstructionTable table) throws IOException {
    Dim3 id = cta.ctaId();
    out.text("\n#BEGIN_TB\n\nthread block = ").decimal(id.x()).ch(',').decimal(id.y()).ch(',')
        .decimal(id.z()).ch('\n');
    for (WarpTrace w : cta.warps()) {
      out.text("\nwarp = ").decimal(w.warpInCta()).text("\ninsts = ").decimal(w.length())
          .ch('\n');
      for (int i = 0; i < w.length(); i++) {
        instruction(w, i, table.get(w.instructionId(i)));
      }
    }
    out.text("\n#END_TB\n");
  }

  private void instruction(WarpTrace w, int i, StaticInstruction s) throws IOException {
    if (launch.lineInfo()) {
      out.decimal(Math.max(0, s.lineNumber())).ch(' ');
    }
    out.hex(s.pc() & 0xFFFFFFFFL, 4).ch(' ');
    int mask = w.activeMask(i);
    out.hex(mask & 0xFFFFFFFFL, 8).ch(' ');
    int dest = firstGeneral(s);
    if (dest < 0) {
      out.text("0 ");
    } else {
      out.text("1 R").decimal(RegisterRange.first(dest)).ch(' ');
    }
    out.text(s.opcode()).ch(' ');
    sources(s);
    out.decimal(s.memoryWidth()).ch(' ');
    if (s.isMemory()) {
      addresses(w, i, mask, s);
    }
    if (s.hasImmediate()) {
      out.decimal(s.immediate()).ch(' ');
    }
    out.ch('\n');
  }

  private static int firstGeneral(StaticInstruction s) {
    for (int d = 0; d < s.destinationCount(); d++) {
      if (RegisterRange.file(s.destination(d)) == RegisterRange.GENERAL) {
        return s.destination(d);
      }
    }
    return -1;
  }

  private void sources(StaticInstruction s) throws IOException {
    int n = 0;
    for (int k = 0; k < s.sourceCount(); k++) {
      if (RegisterRange.file(s.source(k)) == RegisterRange.GENERAL) {
        n++;
      }
    }
    if (n > InstructionLineParser.MAX_SOURCES) {
      throw new IllegalArgumentException(s + ": the format lists at most "
          + InstructionLineParser.MAX_SOURCES + " source registers, not " + n);
    }
    out.decimal(n).ch(' ');
    for (int k = 0; k < s.sourceCount(); k++) {
      if (RegisterRange.file(s.source(k)) == RegisterRange.GENERAL) {
        out.ch('R').decimal(RegisterRange.first(s.source(k))).ch(' ');
      }
    }
  }

  /** Keeps the entry's own mode when it can express the addresses, else picks as the tracer. */
  private void addresses(WarpTrace w, int i, int mask, StaticInstruction s) throws IOException {
    int count = w.addressCount(i);
    if (count != Integer.bitCount(mask)) {
      throw new IllegalArgumentException("warp " + w.warpInCta() + " entry " + i + " (" + s
          + ") has " + count + " addresses for " + Integer.bitCount(mask) + " active lanes");
    }
    for (int k = 0; k < count; k++) {
      scratch[k] = w.address(i, k);
    }
    int mode = w.addressMode(i);
    if (!AddressModes.canWrite(mode, mask, scratch, count)) {
      mode = AddressModes.tracerChoice(mask, scratch, count);
    }
    out.decimal(mode).ch(' ');
    switch (mode) {
      case AddressModes.LIST -> {
        for (int k = 0; k < count; k++) {
          out.text("0x").hex(scratch[k], 16).ch(' ');
        }
      }
      case AddressModes.STRIDE -> out.text("0x").hex(count > 0 ? scratch[0] : 0, 1).ch(' ')
          .decimal(AddressModes.stride(scratch, count)).ch(' ');
      default -> {
        out.text("0x").hex(scratch[0], 1).ch(' ');
        for (int k = 1; k < count; k++) {
          out.decimal(scratch[k] - scratch[k - 1]).ch(' ');
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
