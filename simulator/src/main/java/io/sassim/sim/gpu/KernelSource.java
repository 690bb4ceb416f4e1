package io.sassim.sim.gpu;

import io.sassim.isa.InputException;
import io.sassim.sim.core.WarpStream;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;

/**
 * One kernel as {@link Gpu} runs it: the launch, the static instructions, and the thread blocks
 * in launch order, each as its warps' instruction streams. A trace ({@link TraceKernelSource})
 * or the emulator ({@code io.sassim.sim.exec}) provides them.
 */
public interface KernelSource {

  /** A thread block: its linear index in the grid (x fastest) and its warps. */
  record Block(long linearId, WarpStream[] warps) {}

  KernelLaunch launch();

  /** The static instructions met so far; ids stay valid, later blocks may add entries. */
  InstructionTable instructions();

  /** Whether the instructions carry compiler control bits (false: scoreboard mode). */
  boolean hasControlBits();

  /** The next block to start, or null after the last. */
  Block nextBlock() throws InputException;

  /**
   * Whether the streams may be read from several threads at once. An emulator-backed source
   * shares one emulator state between all SMs, so its kernel runs on the calling thread.
   */
  default boolean threadSafe() {
    return true;
  }
}
