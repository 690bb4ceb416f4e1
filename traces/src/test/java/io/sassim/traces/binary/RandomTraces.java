package io.sassim.traces.binary;

import io.sassim.isa.launch.Dim3;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.WarpTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random traced programs from a seed, biased towards the edges the format must survive: empty
 * warps and kernels, masks of 0, 0 to 32 addresses, extreme addresses and immediates, odd modes.
 */
final class RandomTraces {

  private static final String[] OPCODES = {
    "IMAD.MOV.U32", "LDG.E.64", "STG.E", "LDS.U.128", "FFMA", "BRA", "EXIT", "DEPBAR.LE", "HMMA.16816.F32",
  };
  private static final long[] EXTREMES = {
    0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, 0x7f05b0000000L, 1L << 63 >>> 1,
  };

  private RandomTraces() {}

  static TracedProgram program(SplittableRandom r) {
    List<Object> commands = new ArrayList<>();
    int kernelCount = r.nextInt(4);
    int id = 1;
    for (int k = 0; k < kernelCount; k++) {
      for (int m = r.nextInt(3); m > 0; m--) {
        commands.add(new TraceCommand.Memcpy(pick(r), r.nextInt(3) == 0 ? pick(r) : r.nextInt(1 << 20)));
      }
      commands.add(kernel(r, id++));
    }
    if (r.nextBoolean()) {
      commands.add(new TraceCommand.Memcpy(pick(r), 512));
    }
    return new TracedProgram(commands);
  }

  /** {@code kernels} kernels of {@code ctas} CTAs each, for tests that need many CTAs. */
  static TracedProgram manyCtas(SplittableRandom r, int kernels, int ctas) {
    List<Object> commands = new ArrayList<>();
    for (int k = 1; k <= kernels; k++) {
      List<StaticInstruction> table = table(r, 1 + r.nextInt(30));
      List<CtaTrace> list = new ArrayList<>();
      for (int i = 0; i < ctas; i++) {
        list.add(cta(r, table));
      }
      commands.add(new TracedProgram.Kernel(kernel(r, k).launch(), table, list));
    }
    return new TracedProgram(commands);
  }

  static TracedProgram.Kernel kernel(SplittableRandom r, int kernelId) {
    List<String> extra = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      extra.add("-custom key " + i + " = " + r.nextLong());
    }
    KernelLaunch launch = new KernelLaunch(
        r.nextInt(5) == 0 ? "_Z" + "x".repeat(3000) + "\u00e9" : "_Z6kernelPfi" + r.nextInt(100),
        kernelId, dim(r), dim(r), r.nextInt(100_000), r.nextInt(256), 80 + r.nextInt(11),
        r.nextBoolean() ? 0 : r.nextLong(), pick(r), pick(r),
        r.nextBoolean() ? "nvbit 1.7" : "", r.nextBoolean() ? "5" : "1.2", r.nextBoolean(), extra);
    int ctaCount = r.nextInt(5);
    if (ctaCount == 0) {
      // A kernel without CTAs never shows the writer a table.
      return new TracedProgram.Kernel(launch, List.of(), List.of());
    }
    List<StaticInstruction> table = table(r, 1 + r.nextInt(40));
    List<CtaTrace> ctas = new ArrayList<>();
    for (int c = 0; c < ctaCount; c++) {
      ctas.add(cta(r, table));
    }
    return new TracedProgram.Kernel(launch, table, ctas);
  }

  static List<StaticInstruction> table(SplittableRandom r, int size) {
    List<StaticInstruction> table = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean memory = r.nextInt(5) < 2;
      boolean immediate = r.nextBoolean();
      table.add(new StaticInstruction(
          i * 16,
          r.nextBoolean() ? StaticInstruction.NO_LINE : r.nextInt(5000),
          OPCODES[r.nextInt(OPCODES.length)],
          ranges(r, r.nextInt(3)),
          ranges(r, r.nextInt(6)),
          memory ? 1 << r.nextInt(5) : 0,
          immediate,
          immediate ? (r.nextBoolean() ? pick(r) : r.nextInt(-1000, 1000)) : 0,
          r.nextBoolean() ? StaticInstruction.NO_CONTROL : r.nextInt(1 << 21)));
    }
    return table;
  }

  private static int[] ranges(SplittableRandom r, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int file = r.nextInt(4);
      out[i] = RegisterRange.of(file, r.nextInt(file == 0 ? 256 : 8), 1 + r.nextInt(4));
    }
    return out;
  }

  static CtaTrace cta(SplittableRandom r, List<StaticInstruction> table) {
    int warpCount = r.nextInt(6);
    List<WarpTrace> warps = new ArrayList<>();
    for (int w = 0; w < warpCount; w++) {
      warps.add(warp(r, w, table));
    }
    Dim3 id = r.nextInt(10) == 0
        ? new Dim3(Integer.MIN_VALUE, Integer.MAX_VALUE, -1)
        : new Dim3(r.nextInt(1000), r.nextInt(4), r.nextInt(2));
    return new CtaTrace(id, warps);
  }

  private static WarpTrace warp(SplittableRandom r, int w, List<StaticInstruction> table) {
    int length = r.nextInt(4) == 0 ? 0 : r.nextInt(200);
    WarpTrace.Builder b = new WarpTrace.Builder(w, r.nextInt(4));
    long[] lanes = new long[40];
    int id = 0;
    int mask = -1;
    for (int i = 0; i < length; i++) {
      // Mostly straight-line code with loops back, sometimes a jump anywhere.
      id = r.nextInt(8) == 0 ? r.nextInt(table.size()) : (id + 1) % table.size();
      mask = switch (r.nextInt(6)) {
        case 0 -> 0;
        case 1 -> r.nextInt();
        case 2 -> 0xFF;
        default -> mask;
      };
      StaticInstruction s = table.get(id);
      int count = s.isMemory() ? Integer.bitCount(mask) : 0;
      if (r.nextInt(10) == 0) {
        count = r.nextInt(WarpTrace.MAX_ADDRESSES + 1); // counts that disagree with the mask
      }
      long base = pick(r) + r.nextInt(1 << 16);
      long stride = r.nextInt(3) == 0 ? pick(r) : 4L << r.nextInt(3);
      for (int k = 0; k < count; k++) {
        lanes[k] = r.nextInt(5) == 0 ? pick(r) : base + k * stride;
      }
      int mode = switch (r.nextInt(5)) {
        case 0 -> WarpTrace.MODE_NONE;
        case 1 -> r.nextInt(-128, 128);
        default -> r.nextInt(3);
      };
      b.add(id, mask, lanes, count, mode);
    }
    return b.build();
  }

  private static Dim3 dim(SplittableRandom r) {
    return new Dim3(1 + r.nextInt(1024), 1 + r.nextInt(4), 1);
  }

  private static long pick(SplittableRandom r) {
    return r.nextBoolean() ? EXTREMES[r.nextInt(EXTREMES.length)] : r.nextLong();
  }
}
