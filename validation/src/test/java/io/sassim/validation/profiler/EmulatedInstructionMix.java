package io.sassim.validation.profiler;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.emu.EmulatorListener;
import io.sassim.isa.emu.ExecutedInstruction;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.sass.Instruction;
import io.sassim.isa.sass.Kernel;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the functional emulator executes for one launch, counted the way Nsight Compute counts:
 * warp instructions by base opcode and by opcode with modifiers, and thread instructions.
 *
 * @param warpInstructions every executed warp instruction, predicated-off ones included
 * @param activeThreads the lanes that issued each warp instruction, summed: what {@code
 *     smsp__thread_inst_executed} counts
 * @param guardTrueThreads the lanes whose guard held, summed
 * @param byOpcode warp instructions by base opcode ({@code IMAD})
 * @param byMnemonic warp instructions by opcode and modifiers ({@code IMAD.MOV.U32})
 * @param byPc warp instructions by instruction index (PC / 16), for finding where counts differ
 */
public record EmulatedInstructionMix(
    long warpInstructions,
    long activeThreads,
    long guardTrueThreads,
    Map<String, Long> byOpcode,
    Map<String, Long> byMnemonic,
    long[] byPc) {

  /** Runs {@code spec} on {@code arch}'s binary and counts what it executes. */
  public static EmulatedInstructionMix run(LaunchSpec spec, Architecture arch)
      throws InputException, IOException {
    Emulator emu = Emulator.forLaunch(spec, arch);
    Kernel listing = emu.kernel().listing();
    Counter counter = new Counter(listing.size());
    EmulationResult r = emu.run(counter);
    Map<String, Long> byOpcode = new TreeMap<>();
    Map<String, Long> byMnemonic = new TreeMap<>();
    long total = 0;
    for (int i = 0; i < counter.byPc.length; i++) {
      long n = counter.byPc[i];
      if (n == 0) {
        continue;
      }
      Instruction in = listing.instructions().get(i);
      byOpcode.merge(opcode(in), n, Long::sum);
      byMnemonic.merge(mnemonic(in), n, Long::sum);
      total += n;
    }
    if (total != r.warpInstructions()) {
      throw new IllegalStateException("listener saw " + total + " warp instructions, the"
          + " emulator reports " + r.warpInstructions());
    }
    return new EmulatedInstructionMix(total, counter.active, counter.guardTrue, byOpcode,
        byMnemonic, counter.byPc);
  }

  /**
   * The base opcode as ncu names it. The 12.4 disassembler prints sm_90's integer min/max without
   * a mnemonic (sass-semantics.md §1.6); ncu calls it VIMNMX.
   */
  static String opcode(Instruction in) {
    if (in.isUnprinted()) {
      int op = (int) (in.encodingLow() & 0xFFF);
      return op == 0x248 || op == 0x848 ? "VIMNMX" : in.text();
    }
    return in.opcode();
  }

  static String mnemonic(Instruction in) {
    return in.isUnprinted() ? opcode(in) : in.mnemonic();
  }

  /** Counts per PC: one array increment per executed warp instruction. */
  private static final class Counter implements EmulatorListener {
    final long[] byPc;
    long active;
    long guardTrue;

    Counter(int instructions) {
      byPc = new long[instructions];
    }

    @Override
    public void executed(ExecutedInstruction e) {
      byPc[e.pc() >>> 4]++;
      active += Integer.bitCount(e.activeMask());
      guardTrue += Integer.bitCount(e.executedMask());
    }
  }
}
