package io.sassim.traces.stats;

import java.util.List;
import java.util.Locale;

/**
 * {@code sassim trace stats} without {@code --json}: a summary, one aligned row per kernel with
 * a total row, and the instruction mix by unit class (per kernel while there are few enough to fit
 * side by side).
 */
public final class StatisticsText {

  /** Up to this many kernels get their own column in the mix table. */
  static final int MIX_COLUMNS = 8;

  private StatisticsText() {}

  public static String render(TraceStatistics s) {
    StringBuilder out = new StringBuilder();
    out.append("trace   ").append(s.origin()).append('\n');
    out.append("input   ").append(s.inputBytes() == null ? "size unknown" : s.inputBytes() + " bytes")
        .append(", ").append(s.totalWarpInstructions()).append(" warp instructions");
    if (s.bytesPerInstruction() != null) {
      out.append(String.format(Locale.ROOT, ": %.2f bytes per instruction", s.bytesPerInstruction()));
    }
    out.append('\n');
    out.append("memcpy  ").append(s.memcpy().commands()).append(" commands, ")
        .append(s.memcpy().bytes()).append(" bytes\n\n");
    kernels(s, out);
    out.append('\n');
    mix(s, out);
    return out.toString();
  }

  private static void kernels(TraceStatistics s, StringBuilder out) {
    TextTable t = new TextTable(">kernel", ">binary", "table", ">ctas", ">warps", ">slots",
        ">warp insts", ">thread insts", ">static", ">mem insts", ">mem bytes", ">sectors", ">lines",
        "control", "name");
    for (KernelStatistics k : s.kernels()) {
      MemoryStatistics m = k.memory();
      t.row(Integer.toString(k.kernelId()), Integer.toString(k.binaryVersion()),
          k.opcodeTable() + (k.exactOpcodeTable() ? "" : "*"), n(k.ctas()), n(k.warps()),
          n(k.warpSlots()), n(k.warpInstructions()), n(k.threadInstructions()),
          n(k.staticInstructions()), n(m.instructions()), n(m.bytes()), footprint(m.sectors(), m),
          footprint(m.lines(), m), yesNo(k.hasControlBits()), k.name());
    }
    MemoryStatistics m = s.memory();
    t.row("total", "", "", n(s.totalCtas()), n(s.totalWarps()), n(s.totalWarpSlots()),
        n(s.totalWarpInstructions()), n(s.totalThreadInstructions()), "", n(m.instructions()),
        n(m.bytes()), footprint(m.sectors(), m), footprint(m.lines(), m),
        yesNo(s.hasControlBits()), "");
    t.render(out);
    boolean borrowed = false;
    for (KernelStatistics k : s.kernels()) {
      borrowed |= !k.exactOpcodeTable();
    }
    if (borrowed) {
      out.append("* no opcode table for this binary version; classified with the one shown\n");
    }
    if (!m.exact()) {
      out.append("+ footprint larger than the tracking limit; a lower bound\n");
    }
  }

  private static void mix(TraceStatistics s, StringBuilder out) {
    List<KernelStatistics> kernels = s.kernels();
    boolean perKernel = kernels.size() > 1 && kernels.size() <= MIX_COLUMNS;
    int columns = 3 + (perKernel ? kernels.size() : 0);
    String[] header = new String[columns];
    header[0] = "unit";
    int c = 1;
    if (perKernel) {
      for (KernelStatistics k : kernels) {
        header[c++] = ">#" + k.kernelId();
      }
    }
    header[c++] = ">warp insts";
    header[c] = ">share";
    TextTable t = new TextTable(header);
    for (String bucket : OpcodeClasses.BUCKETS) {
      long total = s.instructionMix().get(bucket);
      if (total == 0) {
        continue;
      }
      String[] row = new String[columns];
      row[0] = bucket;
      c = 1;
      if (perKernel) {
        for (KernelStatistics k : kernels) {
          row[c++] = n(k.instructionMix().get(bucket));
        }
      }
      row[c++] = n(total);
      row[c] = String.format(Locale.ROOT, "%.1f %%", 100.0 * total / s.totalWarpInstructions());
      t.row(row);
    }
    out.append("instruction mix by unit class (warp instructions)\n");
    t.render(out);
  }

  private static String n(long v) {
    return Long.toString(v);
  }

  private static String footprint(long v, MemoryStatistics m) {
    return m.exact() ? Long.toString(v) : v + "+";
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
