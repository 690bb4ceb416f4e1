package io.sassim.sim.core;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.OpcodeInfo;
import io.sassim.isa.arch.OpcodeTable;
import io.sassim.isa.arch.UnitClass;
import io.sassim.isa.sass.ControlBits;
import io.sassim.sim.config.ExecutionConfig;
import io.sassim.sim.config.UnitTiming;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.RegisterRange;
import io.sassim.traces.model.StaticInstruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a kernel's {@link InstructionTable} into {@link DecodedInstruction}s, once per kernel:
 * unit class and timing from the architecture's opcode table (with the config's overrides),
 * control bits, register operands and the memory access class of Table 2.
 */
public final class InstructionDecoder {

  private final OpcodeTable opcodes;
  private final ExecutionConfig execution;

  public InstructionDecoder(OpcodeTable opcodes, ExecutionConfig execution) {
    this.opcodes = opcodes;
    this.execution = execution;
  }

  /**
   * {@code decoded} extended to every instruction of {@code table}: readers add instructions as
   * they meet them, so only the new ones are decoded; returns {@code decoded} itself when nothing
   * was added.
   *
   * @param where names the trace in error messages
   * @throws InputException for an opcode the architecture's table does not know
   */
  public DecodedInstruction[] extend(DecodedInstruction[] decoded, InstructionTable table,
      String where) throws InputException {
    if (table.size() == decoded.length) {
      return decoded;
    }
    DecodedInstruction[] out = Arrays.copyOf(decoded, table.size());
    for (int i = decoded.length; i < out.length; i++) {
      out[i] = decode(table.get(i), where);
    }
    return out;
  }

  DecodedInstruction decode(StaticInstruction s, String where) throws InputException {
    String[] parts = s.opcode().split("\\.");
    String base = parts[0];
    List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
    OpcodeInfo info = opcodes.resolve(base, modifiers);
    if (info == null) {
      throw new InputException(where, s.lineNumber() > 0 ? s.lineNumber() : 0,
          String.format("opcode %s at PC 0x%04x is not in the %s opcode table", s.opcode(), s.pc(),
              opcodes.architecture()));
    }
    DecodedInstruction.Builder b = new DecodedInstruction.Builder();
    String full = s.toString();
    b.text = full.substring(full.indexOf(' ') + 1); // without the PC, which is kept apart
    b.pc = s.pc();
    b.unit = info.unit();
    b.fixedLatency = !info.variableLatency();
    b.latency = info.defaultLatency();
    b.initiationInterval = info.initiationInterval();
    UnitTiming override = execution.units() == null ? null : execution.units().get(info.unit().name());
    if (override != null && info.unit() != UnitClass.TENSOR) {
      // A config entry replaces the class default; opcodes the table times on their own (HADD2's
      // ii of 1, ISETP's 13, tensor shapes) keep their values.
      int[] classDefault = opcodes.unitTiming(info.unit());
      if (b.latency == classDefault[0]) {
        b.latency = override.latency();
      }
      if (b.initiationInterval == classDefault[1]) {
        b.initiationInterval = override.initiationInterval();
      }
    }
    b.initiationInterval = Math.max(1, b.initiationInterval);
    b.latency = Math.max(1, b.latency);
    if (s.hasControl()) {
      int c = s.control();
      b.hasControl = true;
      b.stall = c & 0xF;
      b.yield = ((c >> 4) & 1) == 0;
      int w = (c >> 5) & 7;
      int r = (c >> 8) & 7;
      b.writeBarrier = w == ControlBits.NONE || w > 5 ? -1 : w;
      b.readBarrier = r == ControlBits.NONE || r > 5 ? -1 : r;
      b.waitMask = (c >> 11) & 0x3F;
      b.reuseMask = (c >> 17) & 0xF;
    }
    decodeRegisters(s, b);
    decodeSpecial(s, base, modifiers, b);
    decodeMemory(s, base, modifiers, b);
    return new DecodedInstruction(b);
  }

  private static void decodeRegisters(StaticInstruction s, DecodedInstruction.Builder b) {
    List<Integer> srcRegs = new ArrayList<>();
    List<Integer> srcSlots = new ArrayList<>();
    List<Integer> srcIds = new ArrayList<>();
    int slot = 0;
    String op = s.baseOpcode();
    // Reuse slots are operand positions; a trace lists only register operands, so a register
    // takes the next slot, except where the encoding is known to skip one (isa SourceSlots):
    // HADD2/DADD/DSETP put their second source in C, MOV its only source in B.
    boolean secondInC = op.equals("HADD2") || op.equals("DADD") || op.equals("DSETP");
    boolean onlyInB = op.equals("MOV");
    for (int i = 0; i < s.sourceCount(); i++) {
      int range = s.source(i);
      int file = RegisterRange.file(range);
      if (file == RegisterRange.GENERAL) {
        // RZ takes a slot but is never read from the file.
        int position = onlyInB ? 1 : secondInC && slot == 1 ? 2 : slot;
        slot++;
        if (!RegisterRange.isConstant(range)) {
          for (int k = 0; k < RegisterRange.count(range); k++) {
            srcRegs.add(RegisterRange.first(range) + k);
            srcSlots.add(position);
          }
        }
      }
      if (!RegisterRange.isConstant(range)) {
        addIds(range, srcIds);
      }
    }
    List<Integer> dstRegs = new ArrayList<>();
    List<Integer> dstIds = new ArrayList<>();
    for (int i = 0; i < s.destinationCount(); i++) {
      int range = s.destination(i);
      if (RegisterRange.isConstant(range)) {
        continue;
      }
      if (RegisterRange.file(range) == RegisterRange.GENERAL) {
        for (int k = 0; k < RegisterRange.count(range); k++) {
          dstRegs.add(RegisterRange.first(range) + k);
        }
      }
      addIds(range, dstIds);
    }
    b.sourceRegisters = toArray(srcRegs);
    b.sourceSlots = toArray(srcSlots);
    b.destinationRegisters = toArray(dstRegs);
    b.sourceIds = toArray(srcIds);
    b.destinationIds = toArray(dstIds);
  }

  private static void addIds(int range, List<Integer> ids) {
    int base = switch (RegisterRange.file(range)) {
      case RegisterRange.UNIFORM -> DecodedInstruction.UNIFORM_BASE;
      case RegisterRange.PREDICATE -> DecodedInstruction.PREDICATE_BASE;
      case RegisterRange.UNIFORM_PREDICATE -> DecodedInstruction.UNIFORM_PREDICATE_BASE;
      default -> 0;
    };
    for (int k = 0; k < RegisterRange.count(range); k++) {
      int id = base + RegisterRange.first(range) + k;
      if (id < DecodedInstruction.REGISTER_IDS) {
        ids.add(id);
      }
    }
  }

  private static void decodeSpecial(
      StaticInstruction s, String base, List<String> modifiers, DecodedInstruction.Builder b) {
    b.exit = base.equals("EXIT");
    if (base.equals("BAR")) {
      boolean arriveOnly = modifiers.contains("ARV");
      b.barrierArrive = true;
      b.barrierWait = !arriveOnly;
    }
    if (base.equals("DEPBAR")) {
      // Traces do not name the counter; ptxas uses SB0 for DEPBAR.LE (cp.async groups). The
      // threshold is the trailing immediate when the trace has one.
      b.depbar = true;
      b.depbarCounter = 0;
      b.depbarThreshold = s.hasImmediate() ? (int) Math.min(63, Math.max(0, s.immediate())) : 0;
    }
    b.asyncCopyBarrier = base.equals("LDGDEPBAR");
    b.imad = base.startsWith("IMAD");
    if (b.unit == UnitClass.TENSOR) {
      int widest = 0;
      for (int i = 0; i < s.sourceCount(); i++) {
        widest = Math.max(widest, RegisterRange.count(s.source(i)));
      }
      b.wideRead = widest >= 4;
    }
  }

  private static void decodeMemory(
      StaticInstruction s, String base, List<String> modifiers, DecodedInstruction.Builder b) {
    if (b.unit != UnitClass.MEMORY) {
      return;
    }
    b.memoryKind = switch (base) {
      case "LDG", "LD", "LDL", "ATOMG", "ATOM", "LDS_GLOBAL" -> MemoryKind.GLOBAL_LOAD;
      case "STG", "ST", "STL", "RED", "REDG" -> MemoryKind.GLOBAL_STORE;
      case "LDS", "LDSM", "ATOMS" -> MemoryKind.SHARED_LOAD;
      case "STS", "STSM" -> MemoryKind.SHARED_STORE;
      case "LDC" -> MemoryKind.CONSTANT_LOAD;
      case "LDGSTS" -> MemoryKind.ASYNC_COPY;
      default -> MemoryKind.OTHER;
    };
    int width = s.memoryWidth();
    if (width == 0) {
      width = 4;
      for (String m : modifiers) {
        if (m.equals("64")) width = 8;
        if (m.equals("128")) width = 16;
      }
    }
    b.accessBytes = width;
    b.atomic = base.equals("ATOMG") || base.equals("ATOM");
    b.reduction = base.equals("RED") || base.equals("REDG");
    // ld.volatile / ld.cg and cp.async.cg must see the L2 (the L1 is not coherent); .NA asks
    // the L1 not to keep the line.
    b.l1Bypass = (modifiers.contains("STRONG") && (modifiers.contains("GPU") || modifiers.contains("SYS")))
        || modifiers.contains("BYPASS");
    b.l1NoAllocate = modifiers.contains("NA");
    if (base.equals("LDSM")) {
      b.matrices = modifiers.contains("4") ? 4 : modifiers.contains("2") ? 2 : 1;
    }
    // The address is the first source operand; with no general register in it the address is
    // formed once per warp (uniform register or immediate).
    boolean regular = s.sourceCount() > 0
        && RegisterRange.file(s.source(0)) == RegisterRange.GENERAL
        && !RegisterRange.isConstant(s.source(0));
    b.uniformAddress = !regular;
  }

  private static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
