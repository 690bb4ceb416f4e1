package io.sassim.validation.profiler;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationException;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.validation.RepoFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One profiled case next to the emulator's run of the same launch: where the per-opcode warp
 * instruction counts of the hardware (ncu's SASS patching) and of the emulator differ.
 *
 * @param profiled the case and its hardware counters
 * @param emulated what the emulator executed for the case's spec and binary; null when it
 *     stopped
 * @param notEmulated why the emulator stopped (an instruction it does not implement), or null
 */
public record InstructionMixComparison(
    ProfiledCase profiled, EmulatedInstructionMix emulated, String notEmulated) {

  /** One opcode whose counts differ. */
  public record Difference(String opcode, long hardware, long emulator) {
    public long delta() {
      return emulator - hardware;
    }
  }

  /**
   * Emulates {@code c} on its captured target. An instruction the emulator does not implement
   * (docs/emulator.md, "Corpus status") leaves the case not emulated; any other failure is
   * thrown.
   */
  public static InstructionMixComparison of(ProfiledCase c)
      throws InputException, IOException {
    Architecture arch = Architecture.parse(c.arch());
    LaunchSpec spec = LaunchSpecLoader.load(RepoFiles.root().resolve(c.spec()));
    try {
      return new InstructionMixComparison(c, EmulatedInstructionMix.run(spec, arch), null);
    } catch (EmulationException e) {
      if (!e.problem().contains(": unsupported instruction ")) {
        throw e;
      }
      return new InstructionMixComparison(c, null, e.problem());
    }
  }

  public boolean ran() {
    return emulated != null;
  }

  /** Differences by base opcode ({@code sass__inst_executed_per_opcode}). */
  public List<Difference> byOpcode() {
    return differences(profiled.hardware().byOpcode(), emulated.byOpcode());
  }

  /** Differences by opcode and modifiers ({@code ..._with_modifier_all}). */
  public List<Difference> byMnemonic() {
    return differences(profiled.hardware().byMnemonic(), emulated.byMnemonic());
  }

  /** One instruction whose execution counts differ. */
  public record PcDifference(int pc, long hardware, long emulator) {}

  /** Differences by instruction ({@code inst_executed} by PC). */
  public List<PcDifference> byPc() {
    List<PcDifference> out = new ArrayList<>();
    long[] emu = emulated.byPc();
    Map<Integer, Long> hw = profiled.hardware().byPc();
    for (int i = 0; i < emu.length; i++) {
      long h = hw.getOrDefault(i * 16, 0L);
      if (h != emu[i]) {
        out.add(new PcDifference(i * 16, h, emu[i]));
      }
    }
    for (int pc : hw.keySet()) {
      if (pc / 16 >= emu.length) {
        out.add(new PcDifference(pc, hw.get(pc), 0));
      }
    }
    return out;
  }

  /** Whether the base-opcode mix and the with-modifier mix both match exactly. */
  public boolean exact() {
    return byOpcode().isEmpty() && byMnemonic().isEmpty();
  }

  private static List<Difference> differences(NcuOpcodeMix hw, Map<String, Long> emu) {
    TreeSet<String> names = new TreeSet<>(hw.counts().keySet());
    names.addAll(emu.keySet());
    List<Difference> out = new ArrayList<>();
    for (String name : names) {
      long h = hw.count(name);
      long e = emu.getOrDefault(name, 0L);
      if (h != e) {
        out.add(new Difference(name, h, e));
      }
    }
    return out;
  }

  /**
   * A plain-text table of every case: warp instructions by the hardware counter, by ncu's SASS
   * patching and by the emulator, thread instructions both ways, and the opcodes that differ.
   */
  public static String table(List<InstructionMixComparison> all) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-22s %9s %9s %9s %11s %11s %11s  %s%n", "case", "hw smsp",
        "hw sass", "emulator", "hw threads", "emu active", "emu guard", "opcodes that differ"
            + " (hw -> emulator)"));
    for (InstructionMixComparison c : all) {
      NcuInstructionCounts hw = c.profiled.hardware();
      if (!c.ran()) {
        b.append(String.format("%-22s %9d %9d %9s %11d %11s %11s  not emulated: %s%n",
            c.profiled.name(), hw.warpInstructions(), hw.byOpcode().total(), "-",
            hw.threadInstructions(), "-", "-", c.notEmulated));
        continue;
      }
      StringBuilder diff = new StringBuilder();
      for (Difference d : c.byOpcode()) {
        diff.append(String.format("%s %d->%d; ", d.opcode(), d.hardware(), d.emulator()));
      }
      if (diff.length() == 0 && !c.byMnemonic().isEmpty()) {
        for (Difference d : c.byMnemonic()) {
          diff.append(String.format("%s %d->%d; ", d.opcode(), d.hardware(), d.emulator()));
        }
      }
      b.append(String.format("%-22s %9d %9d %9d %11d %11d %11d  %s%n", c.profiled.name(),
          hw.warpInstructions(), hw.byOpcode().total(), c.emulated.warpInstructions(),
          hw.threadInstructions(), c.emulated.activeThreads(), c.emulated.guardTrueThreads(),
          diff.length() == 0 ? "-" : diff.toString().trim()));
    }
    return b.toString();
  }
}
