package io.sassim.isa.emu;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.Dim3;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.sass.Kernel;
import io.sassim.isa.sass.SassParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a few listing lines on one CTA with registers set directly, for per-instruction tests:
 * the lines are laid out as a cuobjdump listing from PC 0 with an EXIT appended, parsed with the
 * real parser, and executed by the real emulator.
 */
final class WarpHarness {
  final Kernel kernel;
  final Grid grid;
  final ThreadBlock block;
  final List<long[]> events = new ArrayList<>();

  WarpHarness(String... lines) throws Exception {
    this(Architecture.SM_86, 32, lines);
  }

  WarpHarness(Architecture arch, int threads, String... lines) throws Exception {
    StringBuilder text = new StringBuilder("\tcode for " + arch.smName() + "\n\t\tFunction : snippet\n");
    int pc = 0;
    List<String> all = new ArrayList<>(List.of(lines));
    all.add("EXIT");
    for (String line : all) {
      text.append(String.format("        /*%04x*/                   %s ;  /* 0x0000000000000000 */%n", pc, line));
      text.append("                                                       /* 0x000fc00000000000 */\n");
      pc += 16;
    }
    text.append("\t\t..........\n");
    kernel = SassParser.parse("snippet.sass", text.toString()).kernel("snippet");
    LoadedKernel loaded = new LoadedKernel(kernel, "snippet.sass", arch, 0x160, List.of(), 1024, 256, 64, 64,
        Map.of(), 0x200, new io.sassim.isa.cubin.DeviceGlobals(new byte[0], 0, List.of()));
    LaunchSpec spec = new LaunchSpec(Path.of("snippet.launch.yaml"), "snippet", "snippet.sass", List.of(),
        new Dim3(1, 1, 1), new Dim3(threads, 1, 1), 0, 1, List.of());
    Emulator emulator = new Emulator(loaded, spec);
    grid = emulator.newGrid(new EmulatorListener() {
      @Override
      public void executed(ExecutedInstruction e) {
        events.add(new long[] {e.warpInCta(), e.pc(), e.activeMask() & 0xFFFFFFFFL, e.executedMask() & 0xFFFFFFFFL});
      }
    });
    block = grid.newBlock();
    block.start(0);
  }

  Warp warp(int w) {
    return block.warp(w);
  }

  /** Sets R{reg} of every lane of warp 0. */
  WarpHarness set(int reg, int value) {
    for (int lane = 0; lane < 32; lane++) {
      warp(0).r[reg * 32 + lane] = value;
    }
    return this;
  }

  WarpHarness set(int reg, int lane, int value) {
    warp(0).r[reg * 32 + lane] = value;
    return this;
  }

  WarpHarness setPredicateMask(int p, int laneMask) {
    warp(0).p[p] = laneMask;
    return this;
  }

  WarpHarness run() throws EmulationException {
    block.run();
    return this;
  }

  int r(int reg) {
    return r(reg, 0);
  }

  int r(int reg, int lane) {
    return warp(0).r[reg * 32 + lane];
  }

  long pair(int reg) {
    return ((long) r(reg + 1) << 32) | (r(reg) & 0xFFFFFFFFL);
  }

  boolean p(int pred, int lane) {
    return ((warp(0).p[pred] >>> lane) & 1) != 0;
  }

  boolean p(int pred) {
    return p(pred, 0);
  }

  /** The lanes that executed the instruction at {@code pc} with a true guard, per execution. */
  List<Long> executions(int pc) {
    List<Long> out = new ArrayList<>();
    for (long[] e : events) {
      if (e[1] == pc) {
        out.add(e[3]);
      }
    }
    return out;
  }
}
