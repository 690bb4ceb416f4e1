package io.sassim.traces.record;

import io.sassim.isa.emu.EmulatorListener;
import io.sassim.isa.emu.ExecutedInstruction;
import io.sassim.isa.emu.LoadedKernel;
import io.sassim.isa.emu.ThreadBlock;
import io.sassim.isa.sass.Instruction;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the warp traces of an emulated launch: one entry per executed warp instruction with the
 * lanes whose guard was true as its active mask and, for memory instructions, one address per
 * such lane. Each CTA goes to the writer as soon as it finishes, so memory stays bounded by one
 * CTA whatever the grid. Static instructions carry the listing's control bits.
 */
public final class TraceRecorder implements EmulatorListener {
  private final TraceWriter writer;
  private final List<Instruction> instructions;
  private final InstructionTable table = new InstructionTable();
  /** Table id of the instruction at PC / 16, or -1 before it first executes. */
  private final int[] ids;
  /** Whether the instruction at PC / 16 carries addresses, cached beside its id. */
  private final boolean[] memory;
  private final long[] lanes = new long[32];
  private WarpTrace.Builder[] warps;
  private long warpInstructions;

  public TraceRecorder(TraceWriter writer, LoadedKernel kernel) {
    this.writer = writer;
    this.instructions = kernel.listing().instructions();
    this.ids = new int[instructions.size()];
    this.memory = new boolean[instructions.size()];
    Arrays.fill(ids, -1);
  }

  @Override
  public void ctaStarted(ThreadBlock block) {
    warps = new WarpTrace.Builder[block.warpCount()];
    for (int w = 0; w < warps.length; w++) {
      warps[w] = new WarpTrace.Builder(w, 256);
    }
  }

  @Override
  public void executed(ExecutedInstruction e) {
    int index = e.pc() >> 4;
    int id = ids[index];
    if (id < 0) {
      id = table.intern(ListingInstructions.of(instructions.get(index), true));
      ids[index] = id;
      memory[index] = table.get(id).isMemory();
    }
    int mask = e.executedMask();
    WarpTrace.Builder b = warps[e.warpInCta()];
    if (memory[index]) {
      int n = 0;
      if (e.hasAddresses()) {
        for (int m = mask; m != 0; m &= m - 1) {
          lanes[n++] = e.address(Integer.numberOfTrailingZeros(m));
        }
      } else {
        mask = 0; // an access the emulator did not perform: recorded as predicated off
      }
      b.add(id, mask, lanes, n, WarpTrace.MODE_NONE);
    } else {
      b.add(id, mask);
    }
    warpInstructions++;
  }

  @Override
  public void ctaFinished(ThreadBlock block) throws IOException {
    List<WarpTrace> built = new ArrayList<>(warps.length);
    for (WarpTrace.Builder b : warps) {
      built.add(b.build());
    }
    writer.cta(new CtaTrace(block.ctaId(), built), table);
    warps = null;
  }

  /** Warp instructions recorded so far. */
  public long warpInstructions() {
    return warpInstructions;
  }
}
