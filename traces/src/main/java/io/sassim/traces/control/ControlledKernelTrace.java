package io.sassim.traces.control;

import io.sassim.isa.InputException;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.StaticInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A kernel trace with the compiler's control bits filled in from a {@link ControlBitSource},
 * matched by kernel name, binary version and PC. The wrapped reader's instruction table is updated
 * in place as CTAs stream: after each block, the entries it added are looked up once and replaced
 * by copies that carry their control field ({@link InstructionTable#replace}), so ids in the
 * block's warp streams stay valid and no instruction is matched twice.
 *
 * <p>Every instruction is checked: its PC must lie inside the listed kernel and its opcode must
 * be the listed one ({@link OpcodeSpelling}). A failed check is an {@code InputException} naming
 * the trace file, kernel and PC, or, under {@link MismatchPolicy#REPORT}, a {@link
 * ControlMismatch} that leaves the instruction without bits and the kernel in scoreboard mode.
 */
public final class ControlledKernelTrace implements KernelTrace {

  private final KernelTrace inner;
  private final String traceFile;
  private final MismatchPolicy policy;
  private final KernelControl control;
  private final List<ControlMismatch> mismatches = new ArrayList<>();
  private final Consumer<ControlMismatch> sink;
  /** Table entries below this id have been matched. */
  private int matched;

  /**
   * Looks the kernel up and matches the instructions the reader has already interned (a format
   * may hold its whole table ahead of the CTAs). Under {@link MismatchPolicy#FAIL} a kernel
   * missing from {@code source} fails here, before any CTA is read.
   *
   * @param traceFile what {@code trace} was read from, for messages
   */
  public ControlledKernelTrace(
      KernelTrace trace, ControlBitSource source, String traceFile, MismatchPolicy policy)
      throws InputException {
    this(trace, source, traceFile, policy, m -> { });
  }

  /** As above, also handing each mismatch to {@code sink} as it is found. */
  ControlledKernelTrace(
      KernelTrace trace,
      ControlBitSource source,
      String traceFile,
      MismatchPolicy policy,
      Consumer<ControlMismatch> sink)
      throws InputException {
    this.inner = trace;
    this.sink = sink;
    this.traceFile = traceFile;
    this.policy = policy;
    KernelLaunch launch = trace.launch();
    ControlBitSource.Lookup found = source.find(launch.name(), launch.binaryVersion());
    this.control = found.kernel();
    if (control == null) {
      report(ControlMismatch.WHOLE_KERNEL, found.kind(), found.problem());
    }
    matchNewInstructions();
  }

  @Override
  public KernelLaunch launch() {
    return inner.launch();
  }

  @Override
  public InstructionTable instructions() {
    return inner.instructions();
  }

  /**
   * True when the kernel was found and no instruction handed out so far failed to match. Under
   * {@link MismatchPolicy#FAIL} that holds for the whole stream once the constructor returns,
   * because any mismatch throws; under {@link MismatchPolicy#REPORT} it can turn false as CTAs
   * bring new instructions, and is final after the last CTA.
   */
  @Override
  public boolean hasControlBits() {
    return control != null && mismatches.isEmpty();
  }

  @Override
  public CtaTrace nextCta() throws InputException {
    CtaTrace cta = inner.nextCta();
    matchNewInstructions();
    return cta;
  }

  @Override
  public void close() throws InputException {
    inner.close();
  }

  /** The mismatches met so far (only under {@link MismatchPolicy#REPORT}). */
  public List<ControlMismatch> mismatches() {
    return List.copyOf(mismatches);
  }

  /** The listing or cubin build the bits come from, or null when the kernel was not found. */
  public KernelControl kernelControl() {
    return control;
  }

  private void matchNewInstructions() throws InputException {
    InstructionTable table = inner.instructions();
    int size = table.size();
    if (control == null) {
      matched = size;
      return;
    }
    for (int id = matched; id < size; id++) {
      StaticInstruction s = table.get(id);
      if (matches(s)) {
        int bits = control.control(s.pc());
        if (s.control() != bits) {
          table.replace(id, s.withControl(bits));
        }
      }
    }
    matched = size;
  }

  private boolean matches(StaticInstruction s) throws InputException {
    int pc = s.pc();
    if (!control.hasPc(pc)) {
      String where = (pc & 0xF) != 0
          ? String.format("PC 0x%04x is not on a 16-byte instruction boundary", pc)
          : String.format("the trace executes PC 0x%04x (%s), but %s ends at 0x%04x", pc,
              s.opcode(), String.join(", ", control.files()), control.lastPc());
      report(pc, ControlMismatch.Kind.PC_NOT_FOUND,
          String.format("kernel '%s': %s", control.name(), where));
      return false;
    }
    String listed = control.mnemonic(pc);
    if (!OpcodeSpelling.same(s.opcode(), listed)) {
      report(pc, ControlMismatch.Kind.OPCODE, String.format(
          "kernel '%s', PC 0x%04x: the trace has %s, %s has %s; the listing is not of the traced"
              + " build", control.name(), pc, s.opcode(), String.join(", ", control.files()),
          listed));
      return false;
    }
    int bits = control.control(pc);
    if (s.hasControl() && s.control() != bits) {
      report(pc, ControlMismatch.Kind.CONTROL, String.format(
          "kernel '%s', PC 0x%04x (%s): the trace carries control %s, %s has %s", control.name(),
          pc, s.opcode(), KernelControl.format(s.control()), String.join(", ", control.files()),
          KernelControl.format(bits)));
      return false;
    }
    return true;
  }

  private void report(int pc, ControlMismatch.Kind kind, String problem) throws InputException {
    if (policy == MismatchPolicy.FAIL) {
      throw new InputException(traceFile, 0, problem);
    }
    ControlMismatch m = new ControlMismatch(traceFile, inner.launch().name(), pc, kind, problem);
    mismatches.add(m);
    sink.accept(m);
  }
}
