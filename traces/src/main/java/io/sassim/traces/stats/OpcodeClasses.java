package io.sassim.traces.stats;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.arch.OpcodeInfo;
import io.sassim.isa.arch.OpcodeTable;
import io.sassim.isa.arch.UnitClass;

/**
 * Which opcode table classifies a kernel's instructions into unit classes, chosen by the trace's
 * binary version. Modelled versions get their own table (90 gets sm_90a's, which is sm_90's plus
 * the warpgroup opcodes: the binary version does not tell the two apart). Other versions borrow
 * the newest table at or below them, or sm_80's when older, and say so ({@link #exact()} false):
 * most Pascal and Turing mnemonics (FFMA, LDG, ISETP) mean the same there, and what the table
 * does not know is counted as {@link #UNCLASSIFIED}.
 */
final class OpcodeClasses {

  /** Mix index of an opcode the table does not know; the unit classes come first, in enum order. */
  static final int UNCLASSIFIED = UnitClass.values().length;

  /** Mix bucket names: the unit classes, then {@code UNCLASSIFIED}. */
  static final String[] BUCKETS = bucketNames();

  private static final int[] VERSIONS = {80, 86, 89, 90};
  private static final Architecture[] TABLES = {
    Architecture.SM_80, Architecture.SM_86, Architecture.SM_89, Architecture.SM_90A
  };

  private final OpcodeTable table;
  private final boolean exact;

  private OpcodeClasses(OpcodeTable table, boolean exact) {
    this.table = table;
    this.exact = exact;
  }

  static OpcodeClasses forBinaryVersion(int binaryVersion) {
    int chosen = 0;
    for (int i = 0; i < VERSIONS.length; i++) {
      if (VERSIONS[i] <= binaryVersion) {
        chosen = i;
      }
    }
    return new OpcodeClasses(OpcodeTable.forArch(TABLES[chosen]), VERSIONS[chosen] == binaryVersion);
  }

  /** The table's target, e.g. {@code sm_86}. */
  String tableName() {
    return table.architecture().smName();
  }

  /** False when the table was borrowed from another binary version. */
  boolean exact() {
    return exact;
  }

  /** The mix index of a base mnemonic such as {@code IMAD}. */
  int bucket(String baseOpcode) {
    OpcodeInfo info = table.lookup(baseOpcode);
    return info == null ? UNCLASSIFIED : info.unit().ordinal();
  }

  private static String[] bucketNames() {
    UnitClass[] units = UnitClass.values();
    String[] names = new String[units.length + 1];
    for (int i = 0; i < units.length; i++) {
      names[i] = units[i].name();
    }
    names[units.length] = "UNCLASSIFIED";
    return names;
  }
}
