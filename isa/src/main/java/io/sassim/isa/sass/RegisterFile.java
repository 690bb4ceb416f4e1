package io.sassim.isa.sass;

/**
 * The four register files an operand can name. Each has a zero/true register at a fixed index
 * (RZ = R255, URZ = UR63, PT = P7, UPT = UP7), which reads as 0 (or true) and drops writes.
 */
public enum RegisterFile {
  R("R", "RZ", 255),
  UR("UR", "URZ", 63),
  P("P", "PT", 7),
  UP("UP", "UPT", 7);

  private final String prefix;
  private final String zeroName;
  private final int zeroIndex;

  RegisterFile(String prefix, String zeroName, int zeroIndex) {
    this.prefix = prefix;
    this.zeroName = zeroName;
    this.zeroIndex = zeroIndex;
  }

  /** Spelling of a numbered register without the number: {@code R}, {@code UR}, {@code P}, {@code UP}. */
  public String prefix() {
    return prefix;
  }

  /** Spelling of the distinguished register: {@code RZ}, {@code URZ}, {@code PT}, {@code UPT}. */
  public String zeroName() {
    return zeroName;
  }

  /** Index of the distinguished register; numbered registers stay below it. */
  public int zeroIndex() {
    return zeroIndex;
  }

  public boolean isPredicate() {
    return this == P || this == UP;
  }

  public boolean isUniform() {
    return this == UR || this == UP;
  }

  /** Name of register {@code index}: {@code R7}, {@code RZ}, {@code UP2}, {@code PT}. */
  public String name(int index) {
    return index == zeroIndex ? zeroName : prefix + index;
  }
}
