package io.sassim.sim.exec;

import io.sassim.isa.emu.ClockSource;
import io.sassim.isa.emu.EmulationException;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.emu.EmulatorListener;
import io.sassim.isa.emu.ExecutedInstruction;
import io.sassim.isa.emu.Grid;
import io.sassim.isa.emu.ThreadBlock;
import io.sassim.isa.emu.Warp;
import io.sassim.isa.sass.Instruction;
import io.sassim.sim.gpu.KernelSource;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.record.EmulatedTrace;
import io.sassim.traces.record.ListingInstructions;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A launch spec as a {@link KernelSource}: one emulator grid whose CTAs are created when the
 * model launches a block (all sharing the grid's global memory), and an instruction table of the
 * whole listing with its control bits, built up front so that any instruction a warp reaches
 * has its decoded form. The emulator's state is one for all SMs, so the source is not
 * thread-safe and the model runs it on one thread.
 */
final class EmulatedKernel implements KernelSource, EmulatorListener, ClockSource {

  private final Emulator emulator;
  final Grid grid;
  private final KernelLaunch launch;
  private final InstructionTable table = new InstructionTable();
  /** Table id and memory flag of the listing instruction at PC / 16. */
  private final int[] ids;
  private final boolean[] memory;
  private final long ctaCount;
  private long nextCta;
  /** Emulator blocks whose CTA has ended, for the next CTAs. */
  private final ArrayDeque<ThreadBlock> idle = new ArrayDeque<>();
  private final long[] lanes = new long[32];
  /** The stream whose warp the emulator is stepping. */
  private EmulatedWarpStream stepping;
  /** The cycle a clock read now being executed returns. */
  private long clockCycle;

  EmulatedKernel(Emulator emulator) {
    this.emulator = emulator;
    this.grid = emulator.newGrid(this);
    grid.setClockSource(this);
    this.launch = EmulatedTrace.header(emulator);
    List<Instruction> listing = emulator.kernel().listing().instructions();
    this.ids = new int[listing.size()];
    this.memory = new boolean[listing.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = table.intern(ListingInstructions.of(listing.get(i), true));
      memory[i] = table.get(ids[i]).isMemory();
    }
    this.ctaCount = grid.ctaCount();
  }

  @Override
  public KernelLaunch launch() {
    return launch;
  }

  @Override
  public InstructionTable instructions() {
    return table;
  }

  @Override
  public boolean hasControlBits() {
    return table.allHaveControl();
  }

  @Override
  public boolean threadSafe() {
    return false;
  }

  @Override
  public Block nextBlock() {
    if (nextCta >= ctaCount) {
      return null;
    }
    ThreadBlock block = idle.isEmpty() ? grid.newBlock() : idle.pop();
    block.start(nextCta);
    Block b = new Block(nextCta, new EmulatedBlock(this, block, nextCta).warps());
    nextCta++;
    return b;
  }

  void recycle(ThreadBlock block) {
    idle.push(block);
  }

  boolean readsClock(int pc) {
    return grid.readsClock(pc);
  }

  int instructionId(int pc) {
    return ids[pc >> 4];
  }

  int pcOf(int id) {
    return table.get(id).pc();
  }

  /** Executes the next instruction of {@code warp}, whose entry goes to {@code stream}. */
  void step(EmulatedWarpStream stream, Warp warp) {
    stepping = stream;
    try {
      warp.step();
    } catch (EmulationException e) {
      throw new EmulationFailure(e);
    } finally {
      stepping = null;
    }
  }

  /** Executes the clock read {@code warp} stopped at, reading {@code cycle}. */
  void stepClockRead(EmulatedWarpStream stream, Warp warp, long cycle) {
    clockCycle = cycle;
    step(stream, warp);
  }

  @Override
  public long read(ThreadBlock block) {
    return clockCycle;
  }

  @Override
  public void executed(ExecutedInstruction e) {
    int index = e.pc() >> 4;
    stepping.executed(ids[index], e, memory[index], lanes);
  }
}
