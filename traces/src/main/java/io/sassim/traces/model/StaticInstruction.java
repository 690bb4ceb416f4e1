package io.sassim.traces.model;

import java.util.Arrays;

/**
 * What a trace says about one instruction of the program, apart from its dynamic mask and
 * addresses: PC, opcode, register ranges, access width, trailing immediate and, when known, the
 * compiler's control bits. Each distinct one is stored once per kernel in an {@link
 * InstructionTable}; warp streams refer to it by index, so the simulator decodes each static
 * instruction once, not once per execution.
 */
public final class StaticInstruction {

  /** {@link #control()} when the trace carries no control bits for this instruction. */
  public static final int NO_CONTROL = -1;

  /** {@link #lineNumber()} when the trace has no source line information. */
  public static final int NO_LINE = -1;

  private final int pc;
  private final int lineNumber;
  private final String opcode;
  private final String baseOpcode;
  private final int[] destinations;
  private final int[] sources;
  private final int memoryWidth;
  private final boolean hasImmediate;
  private final long immediate;
  private final int control;
  private final int hash;

  /**
   * @param pc byte offset inside the function
   * @param lineNumber source line, or {@link #NO_LINE}
   * @param opcode mnemonic with its modifiers, e.g. {@code LDG.E.64}
   * @param destinations written registers as {@link RegisterRange} values
   * @param sources read registers as {@link RegisterRange} values, memory base registers included
   * @param memoryWidth bytes per lane for memory instructions, 0 otherwise
   * @param hasImmediate whether the trace line carried a trailing immediate
   * @param immediate that immediate, 0 when absent
   * @param control the 21-bit control field ({@code ControlBits.encode()}), or {@link
   *     #NO_CONTROL}
   */
  public StaticInstruction(
      int pc,
      int lineNumber,
      String opcode,
      int[] destinations,
      int[] sources,
      int memoryWidth,
      boolean hasImmediate,
      long immediate,
      int control) {
    if (opcode.isEmpty()) {
      throw new IllegalArgumentException("empty opcode");
    }
    this.pc = pc;
    this.lineNumber = lineNumber;
    this.opcode = opcode;
    int dot = opcode.indexOf('.');
    this.baseOpcode = dot < 0 ? opcode : opcode.substring(0, dot);
    this.destinations = destinations.clone();
    this.sources = sources.clone();
    this.memoryWidth = memoryWidth;
    this.hasImmediate = hasImmediate;
    this.immediate = hasImmediate ? immediate : 0;
    this.control = control;
    int h = pc;
    h = 31 * h + lineNumber;
    h = 31 * h + opcode.hashCode();
    h = 31 * h + Arrays.hashCode(destinations);
    h = 31 * h + Arrays.hashCode(sources);
    h = 31 * h + memoryWidth;
    h = 31 * h + Long.hashCode(this.immediate) + (hasImmediate ? 1 : 0);
    this.hash = 31 * h + control;
  }

  /** The same instruction with the given control field. */
  public StaticInstruction withControl(int newControl) {
    return new StaticInstruction(
        pc, lineNumber, opcode, destinations, sources, memoryWidth, hasImmediate, immediate,
        newControl);
  }

  public int pc() {
    return pc;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public String opcode() {
    return opcode;
  }

  /** The opcode without modifiers: {@code LDG} for {@code LDG.E.64}. */
  public String baseOpcode() {
    return baseOpcode;
  }

  public int destinationCount() {
    return destinations.length;
  }

  /** Destination {@code i} as a {@link RegisterRange}. */
  public int destination(int i) {
    return destinations[i];
  }

  public int sourceCount() {
    return sources.length;
  }

  /** Source {@code i} as a {@link RegisterRange}. */
  public int source(int i) {
    return sources[i];
  }

  public int[] destinations() {
    return destinations.clone();
  }

  public int[] sources() {
    return sources.clone();
  }

  /** Bytes per lane, or 0 for an instruction that does not access memory through addresses. */
  public int memoryWidth() {
    return memoryWidth;
  }

  public boolean isMemory() {
    return memoryWidth > 0;
  }

  public boolean hasImmediate() {
    return hasImmediate;
  }

  public long immediate() {
    return immediate;
  }

  public boolean hasControl() {
    return control != NO_CONTROL;
  }

  /** The packed control field; see {@code io.sassim.isa.sass.ControlBits#encode()}. */
  public int control() {
    return control;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaticInstruction s
        && hash == s.hash
        && pc == s.pc
        && lineNumber == s.lineNumber
        && memoryWidth == s.memoryWidth
        && hasImmediate == s.hasImmediate
        && immediate == s.immediate
        && control == s.control
        && opcode.equals(s.opcode)
        && Arrays.equals(destinations, s.destinations)
        && Arrays.equals(sources, s.sources);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%04x %s", pc, opcode));
    for (int d : destinations) {
      sb.append(' ').append(RegisterRange.format(d));
    }
    sb.append(" <-");
    for (int s : sources) {
      sb.append(' ').append(RegisterRange.format(s));
    }
    if (memoryWidth > 0) {
      sb.append(" [").append(memoryWidth).append(" B]");
    }
    if (hasImmediate) {
      sb.append(" #").append(immediate);
    }
    return sb.toString();
  }
}
