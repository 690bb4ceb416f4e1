package io.sassim.traces.control;

/**
 * Why an instruction, or a whole kernel, of a trace got no control bits. Under {@link
 * MismatchPolicy#FAIL} the same text ends the run as an {@code InputException}; under {@link
 * MismatchPolicy#REPORT} these are collected and the trace falls back to scoreboard mode.
 *
 * @param traceFile the trace the kernel came from
 * @param kernel the mangled kernel name
 * @param pc the instruction's PC, or {@link #WHOLE_KERNEL}
 * @param kind what went wrong
 * @param problem one sentence naming the kernel, the PC and both sides
 */
public record ControlMismatch(String traceFile, String kernel, int pc, Kind kind, String problem) {

  /** {@link #pc()} of a mismatch that concerns the kernel rather than one instruction. */
  public static final int WHOLE_KERNEL = -1;

  public enum Kind {
    /** The binary version is below 70: pre-Volta SASS has no per-instruction control field. */
    PRE_VOLTA,
    /** No input has a kernel of that name. */
    KERNEL_NOT_FOUND,
    /** The inputs have the kernel, but not for the traced binary version (or for two targets). */
    ARCHITECTURE,
    /** The trace executes a PC past the end of the kernel or not on a 16-byte boundary. */
    PC_NOT_FOUND,
    /** The opcode traced at a PC differs from the one listed there. */
    OPCODE,
    /** The trace already carries control bits at a PC, and they differ from the inputs. */
    CONTROL
  }

  /** {@code file: problem}, the form the CLI prints. */
  public String message() {
    return traceFile + ": " + problem;
  }
}
