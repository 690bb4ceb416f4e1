package io.sassim.isa.sass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many consecutive registers each operand names, and how many bits a memory operand accesses.
 * cuobjdump prints only the first register of a pair, quad or tensor fragment; the width follows
 * from the opcode and its modifiers. All such rules live here, keyed by opcode in one table.
 *
 * <p>Positions count only the operands that are not predicates, so a carry-out such as {@code
 * IMAD.WIDE.U32 R8, P0, R2, R3, R6} keeps D at 0 and C at 3.
 */
public final class OperandWidths {

  /** The kinds of width rule; each opcode has at most one. */
  private enum Rule {
    /** Loads, stores, atomics: every plain register is data of the access width. */
    MEMORY,
    /** LDSM/STSM: the data block is .1/.2/.4 registers; each address reads a 128-bit row. */
    MATRIX_MEMORY,
    /** FP64 arithmetic: every register is a pair. */
    FP64,
    /** Conversions: destination and source widths from the type modifiers. */
    CONVERSION,
    /** FRND: .F64 makes every register a pair. */
    ROUND,
    /** IMAD/UIMAD: .WIDE writes a pair; .WIDE and .HI read C as a pair. */
    MULTIPLY_ADD,
    /** HMMA/IMMA/BMMA/DMMA: fragment sizes from shape and types (sass-semantics.md §9.1). */
    TENSOR,
    /** CS2R writes a pair (the 64-bit clock or zero), unless .32. */
    PAIR_DESTINATION_UNLESS_32,
    /** LEPC writes the 64-bit PC. */
    PAIR_DESTINATION,
    /** .64 forms of moves and adds: every register is a pair. */
    SIXTY_FOUR_BIT_ALU
  }

  private static final Map<String, Rule> RULES = new HashMap<>();

  static {
    for (String op :
        new String[] {
          "LDG", "LDS", "LDL", "LD", "LDC", "ULDC", "LDCU", "STG", "STS", "STL", "ST", "ATOMG",
          "ATOM", "ATOMS", "RED", "REDG", "LDGSTS"
        }) {
      RULES.put(op, Rule.MEMORY);
    }
    RULES.put("LDSM", Rule.MATRIX_MEMORY);
    RULES.put("STSM", Rule.MATRIX_MEMORY);
    for (String op : new String[] {"DADD", "DMUL", "DFMA", "DSETP", "DMNMX", "DSET"}) {
      RULES.put(op, Rule.FP64);
    }
    for (String op : new String[] {"F2F", "F2I", "I2F", "I2I", "F2IP", "I2FP"}) {
      RULES.put(op, Rule.CONVERSION);
    }
    RULES.put("FRND", Rule.ROUND);
    RULES.put("IMAD", Rule.MULTIPLY_ADD);
    RULES.put("UIMAD", Rule.MULTIPLY_ADD);
    RULES.put("HMMA", Rule.TENSOR);
    RULES.put("IMMA", Rule.TENSOR);
    RULES.put("BMMA", Rule.TENSOR);
    RULES.put("DMMA", Rule.TENSOR);
    RULES.put("HGMMA", Rule.TENSOR);
    RULES.put("IGMMA", Rule.TENSOR);
    RULES.put("CS2R", Rule.PAIR_DESTINATION_UNLESS_32);
    RULES.put("LEPC", Rule.PAIR_DESTINATION);
    for (String op : new String[] {"MOV", "UMOV", "IADD", "UIADD3", "R2UR", "IMNMX", "UIMNMX"}) {
      RULES.put(op, Rule.SIXTY_FOUR_BIT_ALU);
    }
  }

  private OperandWidths() {}

  /**
   * Bits accessed per thread by a memory instruction, from its modifiers: {@code .U8/.S8/.8} 8,
   * {@code .U16/.S16/.16} 16, {@code .64} (and 64-bit atomic types) 64, {@code .128} 128, else 32.
   */
  public static int memoryWidth(String opcode, List<String> modifiers) {
    if (opcode.equals("LDSM") || opcode.equals("STSM")) {
      return 128;
    }
    int bits = 32;
    for (int i = 0; i < modifiers.size(); i++) {
      switch (modifiers.get(i)) {
        case "U8", "S8", "8" -> bits = 8;
        case "U16", "S16", "16" -> bits = 16;
        case "64", "F64", "S64", "U64" -> bits = 64;
        case "128" -> bits = 128;
        default -> {}
      }
    }
    return bits;
  }

  /**
   * Returns {@code operands} with register counts and memory widths filled in for this opcode.
   * The array is updated in place and returned.
   */
  public static Operand[] apply(String opcode, List<String> modifiers, Operand[] operands) {
    Rule rule = RULES.get(opcode);
    if (rule == null) {
      return operands;
    }
    int memoryBits = memoryWidth(opcode, modifiers);
    int[] counts = registerCounts(rule, opcode, modifiers, memoryBits);
    int position = 0;
    for (int i = 0; i < operands.length; i++) {
      Operand o = operands[i];
      if (o instanceof RegisterOperand r) {
        if (r.file().isPredicate()) {
          continue;
        }
        operands[i] = r.withCount(pick(counts, position));
      } else if (o instanceof MemoryOperand m) {
        operands[i] = m.withWidth(memoryBits);
      }
      position++;
    }
    return operands;
  }

  /**
   * How many registers the non-predicate operand at {@code position} (0 = the first) names, 1 where
   * no rule widens it. For readers that see registers without the listing's operand objects, such
   * as Accel-Sim traces; a memory operand's position answers with the data width, not its address.
   */
  public static int registerCount(String opcode, List<String> modifiers, int position) {
    Rule rule = RULES.get(opcode);
    if (rule == null) {
      return 1;
    }
    return pick(registerCounts(rule, opcode, modifiers, memoryWidth(opcode, modifiers)), position);
  }

  /**
   * Register counts by non-predicate position; the last entry repeats for later positions. A rule
   * that sizes only some positions uses 1 elsewhere.
   */
  private static int[] registerCounts(Rule rule, String opcode, List<String> mods, int memoryBits) {
    switch (rule) {
      case MEMORY:
        if (mods.contains("CAST") && mods.contains("SPIN")) {
          // The destination of ATOMS.CAST.SPIN is a success flag; compare/new values are data.
          int d = Math.max(1, memoryBits / 32);
          return new int[] {1, 1, d};
        }
        return new int[] {Math.max(1, memoryBits / 32)};
      case MATRIX_MEMORY:
        // LDSM D, [addr] loads the block; STSM [addr], S stores it from its second operand.
        return opcode.equals("STSM") ? new int[] {1, matrixCount(mods)} : new int[] {matrixCount(mods), 1};
      case FP64:
        return new int[] {2};
      case ROUND:
        return new int[] {mods.contains("F64") ? 2 : 1};
      case CONVERSION:
        return conversionCounts(opcode, mods);
      case MULTIPLY_ADD:
        if (mods.contains("WIDE")) {
          return new int[] {2, 1, 1, 2, 1};
        }
        if (mods.contains("HI")) {
          return new int[] {1, 1, 1, 2, 1};
        }
        return new int[] {1};
      case TENSOR:
        return tensorCounts(opcode, mods);
      case PAIR_DESTINATION_UNLESS_32:
        return mods.contains("32") ? new int[] {1} : new int[] {2, 1};
      case PAIR_DESTINATION:
        return new int[] {2, 1};
      case SIXTY_FOUR_BIT_ALU:
        return new int[] {mods.contains("64") ? 2 : 1};
      default:
        throw new AssertionError(rule);
    }
  }

  private static int pick(int[] counts, int position) {
    return counts[Math.min(position, counts.length - 1)];
  }

  /** {@code LDSM.16.M88.4}: the trailing .1/.2/.4 is the number of 8x8 matrices, one register each. */
  private static int matrixCount(List<String> mods) {
    for (int i = mods.size() - 1; i >= 0; i--) {
      switch (mods.get(i)) {
        case "1" -> {
          return 1;
        }
        case "2" -> {
          return 2;
        }
        case "4" -> {
          return 4;
        }
        default -> {}
      }
    }
    return 1;
  }

  /**
   * {@code F2I.S64.F64}: destination type first, then source. With one type the opcode says which
   * side it names ({@code I2F.F64} is the destination, {@code I2F.S64} the source).
   */
  private static int[] conversionCounts(String opcode, List<String> mods) {
    String first = null;
    String second = null;
    for (int i = 0; i < mods.size(); i++) {
      String m = mods.get(i);
      if (typeBits(m) > 0) {
        if (first == null) {
          first = m;
        } else if (second == null) {
          second = m;
        }
      }
    }
    String dst = null;
    String src = null;
    if (second != null) {
      dst = first;
      src = second;
    } else if (first != null) {
      boolean isFloat = first.startsWith("F") || first.startsWith("BF");
      switch (opcode) {
        case "I2F", "I2FP" -> {
          if (isFloat) {
            dst = first;
          } else {
            src = first;
          }
        }
        case "F2I", "F2IP" -> {
          if (isFloat) {
            src = first;
          } else {
            dst = first;
          }
        }
        default -> {
          dst = first;
          src = first;
        }
      }
    }
    return new int[] {registersFor(dst), registersFor(src)};
  }

  private static int registersFor(String type) {
    return type != null && typeBits(type) == 64 ? 2 : 1;
  }

  /** Width of a conversion type modifier, or 0 when the modifier is not a type. */
  private static int typeBits(String m) {
    return switch (m) {
      case "F64", "S64", "U64" -> 64;
      case "F32", "S32", "U32", "TF32" -> 32;
      case "F16", "BF16", "S16", "U16" -> 16;
      case "S8", "U8", "E4M3", "E5M2" -> 8;
      default -> 0;
    };
  }

  /**
   * {@code HGMMA.64xNxK}: the 64xN accumulator is spread over the 128 threads of the warpgroup, so
   * N/2 registers each for 32-bit elements (N/4 for F16). A from registers is a 64xK tile of 16-bit
   * elements: 4 registers. B always comes through {@code gdesc}.
   */
  private static int[] warpgroupCounts(String shape, boolean halfAccumulator) {
    String[] mnk = shape.split("x");
    if (mnk.length != 3 || !mnk[0].equals("64")) {
      return new int[] {1};
    }
    int n;
    try {
      n = Integer.parseInt(mnk[1]);
    } catch (NumberFormatException e) {
      return new int[] {1};
    }
    int accumulator = Math.max(1, halfAccumulator ? n / 4 : n / 2);
    return new int[] {accumulator, 4, accumulator};
  }

  /** D, A, B, C fragment sizes in registers per thread (sass-semantics.md §9.1 and §9.2). */
  private static int[] tensorCounts(String opcode, List<String> mods) {
    String shape = mods.isEmpty() ? "" : mods.get(0);
    boolean halfAccumulator = mods.size() > 1 && mods.get(1).equals("F16");
    switch (opcode) {
      case "HMMA":
        switch (shape) {
          case "16816":
            return halfAccumulator ? new int[] {2, 4, 2, 2} : new int[] {4, 4, 2, 4};
          case "1684":
            // m16n8k4 tf32: one 32-bit element per A register, so half the k8 fragments.
            return new int[] {4, 2, 1, 4};
          case "1688":
            if (mods.contains("TF32")) {
              return new int[] {4, 4, 2, 4};
            }
            return halfAccumulator ? new int[] {2, 2, 1, 2} : new int[] {4, 2, 1, 4};
          case "884":
            // Volta-style m8n8k4: eight f32 or four f16x2 accumulator registers.
            return halfAccumulator ? new int[] {4, 2, 2, 4} : new int[] {8, 2, 2, 8};
          default:
            return new int[] {1};
        }
      case "IMMA":
        switch (shape) {
          case "16832", "16864":
            return new int[] {4, 4, 2, 4};
          case "16816":
            return new int[] {4, 2, 1, 4};
          case "8816", "8832":
            return new int[] {2, 1, 1, 2};
          default:
            return new int[] {1};
        }
      case "BMMA":
        // A b1 register packs 32 elements, eight times an s8 register, so each BMMA shape has the
        // fragments of the IMMA s8 shape with an eighth of its k (168256 like 16832, 168128 like
        // 16816, 88128 like 8816).
        switch (shape) {
          case "168256":
            return new int[] {4, 4, 2, 4};
          case "168128":
            return new int[] {4, 2, 1, 4};
          case "88128":
            return new int[] {2, 1, 1, 2};
          default:
            return new int[] {1};
        }
      case "HGMMA", "IGMMA":
        return warpgroupCounts(shape, halfAccumulator);
      case "DMMA":
        // m8n8k4 f64: C/D two doubles, A and B one double each.
        return shape.equals("884") || shape.equals("8x8x4") ? new int[] {4, 2, 2, 4} : new int[] {1};
      default:
        return new int[] {1};
    }
  }
}
