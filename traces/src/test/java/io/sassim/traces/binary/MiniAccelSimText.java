package io.sassim.traces.binary;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.WarpTrace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tukaani.xz.XZInputStream;

/**
 * A minimal Accel-Sim {@code .traceg} reader and writer for the native format's tests and
 * measurements only: it turns the real traces in {@code ../shared/traces} into the model and
 * produces the text a synthetic trace would have. It is deliberately small and trusting; the
 * product reader and writer live in {@code io.sassim.traces.accelsim}.
 */
final class MiniAccelSimText {

  private MiniAccelSimText() {}

  /** A {@code kernelslist.g} and every kernel it names, in memory. */
  static TracedProgram readProgram(Path kernelsList) throws IOException {
    List<Object> commands = new ArrayList<>();
    for (String line : Files.readAllLines(kernelsList)) {
      line = line.strip();
      if (line.startsWith("MemcpyHtoD,")) {
        String[] f = line.split(",");
        commands.add(new TraceCommand.Memcpy(
            Long.parseUnsignedLong(f[1].strip().substring(2), 16), Long.parseLong(f[2].strip())));
      } else if (!line.isEmpty()) {
        commands.add(readKernel(kernelsList.resolveSibling(line)));
      }
    }
    return new TracedProgram(commands);
  }

  static TracedProgram.Kernel readKernel(Path file) throws IOException {
    List<CtaTrace> ctas = new ArrayList<>();
    try (InputStream in = open(file)) {
      Parsed p = parse(in, ctas::add);
      return new TracedProgram.Kernel(p.launch(), p.table().instructions(), ctas);
    }
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".xz") ? new XZInputStream(in, -1) : in;
  }

  /** A parsed kernel header and the table its lines filled. */
  record Parsed(KernelLaunch launch, InstructionTable table) {}

  /** Streams the CTAs of one kernel text to {@code sink}. */
  static Parsed parse(InputStream stream, Consumer<CtaTrace> sink) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII), 1 << 16);
    Header h = new Header();
    String line;
    while ((line = in.readLine()) != null && !line.startsWith("#")) {
      h.accept(line);
    }
    KernelLaunch launch = h.launch();
    int version = (int) Double.parseDouble(h.tracerVersion.isEmpty() ? "5" : h.tracerVersion);
    InstructionTable table = new InstructionTable();
    LineParser parser = new LineParser(table, version < 3 ? 4 : 0, launch.lineInfo());
    Dim3 ctaId = null;
    List<WarpTrace> warps = new ArrayList<>();
    WarpTrace.Builder warp = null;
    for (; line != null; line = in.readLine()) {
      if (line.isEmpty()) {
        continue;
      }
      char c = line.charAt(0);
      if (c == '#') {
        if (line.startsWith("#END_TB")) {
          if (warp != null) {
            warps.add(warp.build());
            warp = null;
          }
          sink.accept(new CtaTrace(ctaId, warps));
          warps = new ArrayList<>();
        }
      } else if (line.startsWith("thread block = ")) {
        String[] xyz = line.substring(15).split(",");
        ctaId = new Dim3(Integer.parseInt(xyz[0].strip()), Integer.parseInt(xyz[1].strip()),
            Integer.parseInt(xyz[2].strip()));
      } else if (line.startsWith("warp = ")) {
        if (warp != null) {
          warps.add(warp.build());
        }
        warp = new WarpTrace.Builder(Integer.parseInt(line.substring(7).strip()));
      } else if (line.startsWith("insts = ")) {
        continue;
      } else if (line.startsWith("thread block") || line.startsWith("cluster")) {
        continue;
      } else {
        parser.parse(line, warp);
      }
    }
    return new Parsed(launch, table);
  }

  /** The {@code -key = value} lines. */
  private static final class Header {
    String name = "";
    int id;
    Dim3 grid = new Dim3(1, 1, 1);
    Dim3 block = new Dim3(1, 1, 1);
    long shmem;
    int nregs;
    int binary;
    long stream;
    long shBase;
    long localBase;
    String nvbit = "";
    String tracerVersion = "";
    boolean lineInfo;
    final List<String> extra = new ArrayList<>();

    void accept(String line) {
      int eq = line.indexOf(" = ");
      if (!line.startsWith("-") || eq < 0) {
        return;
      }
      String key = line.substring(1, eq);
      String v = line.substring(eq + 3).strip();
      switch (key) {
        case "kernel name" -> name = v;
        case "kernel id" -> id = Integer.parseInt(v);
        case "grid dim" -> grid = dim(v);
        case "block dim" -> block = dim(v);
        case "shmem" -> shmem = Long.parseLong(v);
        case "nregs" -> nregs = Integer.parseInt(v);
        case "binary version" -> binary = Integer.parseInt(v);
        case "cuda stream id" -> stream = Long.parseUnsignedLong(v);
        case "shmem base_addr" -> shBase = Long.parseUnsignedLong(v.substring(2), 16);
        case "local mem base_addr" -> localBase = Long.parseUnsignedLong(v.substring(2), 16);
        case "nvbit version" -> nvbit = v;
        case "accelsim tracer version" -> tracerVersion = v;
        case "enable lineinfo" -> lineInfo = v.equals("1");
        default -> extra.add(line);
      }
    }

    KernelLaunch launch() {
      return new KernelLaunch(name, id, grid, block, shmem, nregs, binary, stream, shBase,
          localBase, nvbit.isEmpty() ? "" : "nvbit " + nvbit, tracerVersion, lineInfo, extra);
    }

    private static Dim3 dim(String v) {
      String[] f = v.substring(1, v.length() - 1).split(",");
      return new Dim3(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()),
          Integer.parseInt(f[2].strip()));
    }
  }

  /** One instruction line into a warp builder. */
  private static final class LineParser {
    private final InstructionTable table;
    private final int skip;
    private final boolean lineInfo;
    private final long[] lanes = new long[32];
    private String[] t;
    private int p;

    LineParser(InstructionTable table, int skip, boolean lineInfo) {
      this.table = table;
      this.skip = skip;
      this.lineInfo = lineInfo;
    }

    void parse(String line, WarpTrace.Builder warp) {
      t = line.strip().split(" +");
      p = skip;
      int lineNumber = lineInfo ? Integer.parseInt(t[p++]) : StaticInstruction.NO_LINE;
      int pc = Integer.parseInt(t[p++], 16);
      int mask = Integer.parseUnsignedInt(t[p++], 16);
      int[] dests = registers(Integer.parseInt(t[p++]));
      String opcode = t[p++];
      int[] srcs = registers(Integer.parseInt(t[p++]));
      int width = Integer.parseInt(t[p++]);
      int count = 0;
      int mode = WarpTrace.MODE_NONE;
      if (width > 0) {
        mode = Integer.parseInt(t[p++]);
        count = addresses(mode, mask);
      }
      boolean hasImmediate = p < t.length;
      long immediate = hasImmediate ? parseLong(t[p++]) : 0;
      int id = table.intern(new StaticInstruction(pc, lineNumber, opcode, dests, srcs, width,
          hasImmediate, immediate, StaticInstruction.NO_CONTROL));
      warp.add(id, mask, lanes, count, mode);
    }

    private int addresses(int mode, int mask) {
      int n = Integer.bitCount(mask);
      switch (mode) {
        case 0 -> {
          for (int k = 0; k < n; k++) {
            lanes[k] = hex(t[p++]);
          }
        }
        case 1 -> {
          long base = hex(t[p++]);
          long stride = Long.parseLong(t[p++]);
          for (int k = 0; k < n; k++) {
            lanes[k] = base + k * stride;
          }
        }
        case 2 -> {
          long a = hex(t[p++]);
          for (int k = 0; k < n; k++) {
            if (k > 0) {
              a += Long.parseLong(t[p++]);
            }
            lanes[k] = a;
          }
        }
        default -> throw new IllegalArgumentException("mode " + mode);
      }
      return n;
    }

    private int[] registers(int n) {
      int[] r = new int[n];
      for (int i = 0; i < n; i++) {
        String s = t[p++];
        int file;
        int digits;
        if (s.startsWith("UP")) {
          file = RegisterRange.UNIFORM_PREDICATE;
          digits = 2;
        } else if (s.startsWith("UR")) {
          file = RegisterRange.UNIFORM;
          digits = 2;
        } else if (s.startsWith("P")) {
          file = RegisterRange.PREDICATE;
          digits = 1;
        } else {
          file = RegisterRange.GENERAL;
          digits = 1;
        }
        r[i] = RegisterRange.of(file, Integer.parseInt(s.substring(digits)), 1);
      }
      return r;
    }

    private static long hex(String s) {
      return Long.parseUnsignedLong(s.substring(2), 16);
    }

    private static long parseLong(String s) {
      return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
    }
  }

  /** Writes one kernel as v5-style {@code .traceg} text. */
  static void write(KernelLaunch launch, List<StaticInstruction> table, Iterable<CtaTrace> ctas,
      Writer out) throws IOException {
    out.write("-kernel name = " + launch.name() + "\n");
    out.write("-kernel id = " + launch.kernelId() + "\n");
    out.write("-grid dim = " + dim(launch.grid()) + "\n");
    out.write("-block dim = " + dim(launch.block()) + "\n");
    out.write("-shmem = " + launch.sharedBytes() + "\n");
    out.write("-nregs = " + launch.registersPerThread() + "\n");
    out.write("-binary version = " + launch.binaryVersion() + "\n");
    out.write("-cuda stream id = " + Long.toUnsignedString(launch.streamId()) + "\n");
    out.write(String.format("-shmem base_addr = 0x%016x%n", launch.sharedWindowBase()));
    out.write(String.format("-local mem base_addr = 0x%016x%n", launch.localWindowBase()));
    out.write("-nvbit version = " + launch.tracerName().replace("nvbit ", "") + "\n");
    out.write("-accelsim tracer version = " + launch.tracerVersion() + "\n");
    out.write("-enable lineinfo = " + (launch.lineInfo() ? 1 : 0) + "\n");
    for (String line : launch.extraHeader()) {
      out.write(line + "\n");
    }
    out.write("\n#traces format = [line_num] PC mask dest_num [reg_dests] opcode src_num "
        + "[reg_srcs] mem_width [adrrescompress?] [mem_addresses] immediate\n\n\n\n");
    StringBuilder sb = new StringBuilder(256);
    for (CtaTrace cta : ctas) {
      Dim3 id = cta.ctaId();
      out.write("#BEGIN_TB\n\nthread block = " + id.x() + "," + id.y() + "," + id.z() + "\n\n");
      for (WarpTrace w : cta.warps()) {
        out.write("warp = " + w.warpInCta() + "\ninsts = " + w.length() + "\n");
        for (int i = 0; i < w.length(); i++) {
          sb.setLength(0);
          line(table.get(w.instructionId(i)), w, i, launch.lineInfo(), sb);
          out.append(sb);
        }
        out.write("\n");
      }
      out.write("#END_TB\n\n");
    }
  }

  private static void line(StaticInstruction s, WarpTrace w, int i, boolean lineInfo,
      StringBuilder sb) {
    if (lineInfo) {
      sb.append(s.lineNumber()).append(' ');
    }
    String pc = Integer.toHexString(s.pc());
    sb.append("0".repeat(Math.max(0, 4 - pc.length()))).append(pc).append(' ');
    String mask = Integer.toHexString(w.activeMask(i));
    sb.append("0".repeat(8 - mask.length())).append(mask).append(' ');
    sb.append(s.destinationCount());
    for (int d = 0; d < s.destinationCount(); d++) {
      sb.append(' ').append(RegisterRange.firstName(s.destination(d)));
    }
    sb.append(' ').append(s.opcode()).append(' ').append(s.sourceCount());
    for (int k = 0; k < s.sourceCount(); k++) {
      sb.append(' ').append(RegisterRange.firstName(s.source(k)));
    }
    sb.append(' ').append(s.memoryWidth());
    if (s.memoryWidth() > 0) {
      addresses(w, i, sb);
    }
    if (s.hasImmediate()) {
      sb.append(' ').append(s.immediate());
    }
    sb.append(" \n");
  }

  private static void addresses(WarpTrace w, int i, StringBuilder sb) {
    int n = w.addressCount(i);
    int mode = w.addressMode(i);
    if (n == 0) {
      sb.append(" 1 0x0 0");
      return;
    }
    long base = w.address(i, 0);
    if (mode == 1 && n > 1 && isStrided(w, i)) {
      sb.append(" 1 0x").append(Long.toHexString(base)).append(' ')
          .append((int) (w.address(i, 1) - base));
    } else if (mode == 1 || mode == 2) {
      sb.append(" 2 0x").append(Long.toHexString(base));
      for (int k = 1; k < n; k++) {
        sb.append(' ').append(w.address(i, k) - w.address(i, k - 1));
      }
    } else {
      sb.append(" 0");
      for (int k = 0; k < n; k++) {
        String a = Long.toHexString(w.address(i, k));
        sb.append(" 0x").append("0".repeat(16 - a.length())).append(a);
      }
    }
  }

  /** Whether mode 1 (base and a 32-bit stride) describes the entry's addresses exactly. */
  private static boolean isStrided(WarpTrace w, int i) {
    long stride = w.address(i, 1) - w.address(i, 0);
    if (stride != (int) stride) {
      return false;
    }
    for (int k = 2; k < w.addressCount(i); k++) {
      if (w.address(i, k) - w.address(i, k - 1) != stride) {
        return false;
      }
    }
    return true;
  }

  private static String dim(Dim3 d) {
    return "(" + d.x() + "," + d.y() + "," + d.z() + ")";
  }
}
