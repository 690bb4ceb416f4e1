package io.sassim.traces.accelsim;

import io.sassim.isa.sass.OperandWidths;
import io.sassim.traces.model.RegisterRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recovers how many registers each register of an Accel-Sim trace line stands for. The tracer
 * prints only the first register of a pair, quad or tensor fragment ({@code LDG.E.64} writes two,
 * {@code HMMA.16816.F32} reads 4 + 2 + 4), so dependences on the other registers would be lost.
 *
 * <p>A trace line keeps the general registers of the SASS instruction in operand order: operand 0
 * as the destination when it is a register, the others and the base register of each memory
 * operand as sources. Predicates, uniform registers, constants and immediates are dropped. So
 * when predicates are not counted, the destination (if any) is SASS operand position 0 and source
 * {@code i} is position {@code i + 1} (or {@code i} without a destination; {@code SHFL PT, R2,
 * ...} and {@code ATOMG PT, R2, [R4.64], R5} list their real result as source 0). The widths of
 * data operands at those positions come from {@link OperandWidths#registerCount}, the same rules
 * as for SASS listings. This class adds what only traces need, in two tables:
 *
 * <ul>
 *   <li>{@link #ADDRESSES}: which positions of a memory instruction are address registers, and
 *       whether each is a 64-bit pair (global and generic with {@code .E}, and global on sm_70+)
 *       or a 32-bit window offset (shared, local, matrix and the LDGSTS destination);
 *   <li>{@link #IMMEDIATE_SKIPS_B}: opcodes whose second source is operand C, not B, when the
 *       line carries a non-zero immediate (the immediate took B's slot: {@code IMAD.WIDE R2, R5,
 *       0x8, R2} reads R2..R3). Without an immediate the common {@code A, B, c[..]} form is
 *       assumed.
 * </ul>
 *
 * RZ (R255) always stays a single register, and no range reaches past R254 into RZ.
 */
public final class TraceRegisterWidths {

  /** How an address register is sized. */
  enum AddressKind {
    /** Global memory: a pair with {@code .E}, and always from binary version 70 on. */
    GLOBAL,
    /** Generic memory (LD, ST, ATOM): a pair with {@code .E}. */
    GENERIC,
    /** Shared or local window offsets: one 32-bit register. */
    WINDOW
  }

  /** SASS operand position and kind of each address register, by base opcode. */
  static final Map<String, Map<Integer, AddressKind>> ADDRESSES =
      Map.ofEntries(
          Map.entry("LDG", Map.of(1, AddressKind.GLOBAL)),
          Map.entry("STG", Map.of(0, AddressKind.GLOBAL)),
          Map.entry("ATOMG", Map.of(1, AddressKind.GLOBAL)),
          Map.entry("RED", Map.of(0, AddressKind.GLOBAL)),
          Map.entry("REDG", Map.of(0, AddressKind.GLOBAL)),
          Map.entry("LD", Map.of(1, AddressKind.GENERIC)),
          Map.entry("ST", Map.of(0, AddressKind.GENERIC)),
          Map.entry("ATOM", Map.of(1, AddressKind.GENERIC)),
          Map.entry("LDS", Map.of(1, AddressKind.WINDOW)),
          Map.entry("LDL", Map.of(1, AddressKind.WINDOW)),
          Map.entry("LDSM", Map.of(1, AddressKind.WINDOW)),
          Map.entry("ATOMS", Map.of(1, AddressKind.WINDOW)),
          Map.entry("STS", Map.of(0, AddressKind.WINDOW)),
          Map.entry("STL", Map.of(0, AddressKind.WINDOW)),
          Map.entry("STSM", Map.of(0, AddressKind.WINDOW)),
          // LDGSTS [shared], [global]: both operands are addresses, no data register.
          Map.entry("LDGSTS", Map.of(0, AddressKind.WINDOW, 1, AddressKind.GLOBAL)));

  /** Opcodes whose B operand may be an immediate that the trace drops, shifting C forward. */
  static final List<String> IMMEDIATE_SKIPS_B = List.of("IMAD");

  /** First binary version (sm_70) whose global accesses always use 64-bit addresses. */
  static final int ALWAYS_WIDE_GLOBAL = 70;

  private TraceRegisterWidths() {}

  /**
   * Widens, in place, the single-register ranges read from one trace line.
   *
   * @param opcode the full opcode with modifiers, e.g. {@code LDG.E.64}
   * @param binaryVersion the kernel's {@code -binary version}
   * @param immediate the line's trailing immediate, 0 when absent
   * @param destinations at most one general register range
   * @param sources general register ranges in trace order
   */
  public static void widen(
      String opcode, int binaryVersion, long immediate, int[] destinations, int[] sources) {
    int dot = opcode.indexOf('.');
    String base = dot < 0 ? opcode : opcode.substring(0, dot);
    List<String> modifiers = modifiers(opcode, dot);
    int offset = destinations.length > 0 ? 1 : 0;
    for (int d = 0; d < destinations.length; d++) {
      destinations[d] = sized(destinations[d], count(base, modifiers, binaryVersion, d));
    }
    boolean skipB = sources.length == 2 && destinations.length > 0 && immediate != 0
        && IMMEDIATE_SKIPS_B.contains(base);
    for (int s = 0; s < sources.length; s++) {
      int position = s + offset + (skipB && s == 1 ? 1 : 0);
      sources[s] = sized(sources[s], count(base, modifiers, binaryVersion, position));
    }
  }

  /** Registers named by SASS operand {@code position} of this instruction. */
  static int count(String base, List<String> modifiers, int binaryVersion, int position) {
    Map<Integer, AddressKind> addresses = ADDRESSES.get(base);
    AddressKind kind = addresses == null ? null : addresses.get(position);
    if (kind != null) {
      return isPair(kind, modifiers, binaryVersion) ? 2 : 1;
    }
    return OperandWidths.registerCount(base, modifiers, position);
  }

  private static boolean isPair(AddressKind kind, List<String> modifiers, int binaryVersion) {
    return switch (kind) {
      case GLOBAL -> modifiers.contains("E") || binaryVersion >= ALWAYS_WIDE_GLOBAL;
      case GENERIC -> modifiers.contains("E");
      case WINDOW -> false;
    };
  }

  /** The range with {@code count} registers, leaving RZ alone and stopping before it. */
  private static int sized(int range, int count) {
    if (RegisterRange.isConstant(range) || count <= 1) {
      return range;
    }
    int room = RegisterRange.ZERO_REGISTER - RegisterRange.first(range);
    return RegisterRange.withCount(range, Math.max(1, Math.min(count, room)));
  }

  private static List<String> modifiers(String opcode, int dot) {
    List<String> out = new ArrayList<>(4);
    int from = dot + 1;
    while (dot >= 0) {
      int next = opcode.indexOf('.', from);
      out.add(next < 0 ? opcode.substring(from) : opcode.substring(from, next));
      if (next < 0) {
        break;
      }
      from = next + 1;
    }
    return out;
  }
}
