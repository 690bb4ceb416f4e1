package io.sassim.isa.sass;

/**
 * The brace list of dependence counters a {@code DEPBAR} waits to reach zero, e.g. {@code {5,4,1}}.
 *
 * @param mask bit i set when SBi is listed
 * @param descending whether cuobjdump printed the list highest first (kept for faithful printing)
 */
public record ScoreboardSet(int mask, boolean descending) implements Operand {
  @Override
  public String format() {
    StringBuilder b = new StringBuilder("{");
    for (int k = 0; k < 6; k++) {
      int i = descending ? 5 - k : k;
      if ((mask & (1 << i)) != 0) {
        if (b.length() > 1) {
          b.append(',');
        }
        b.append(i);
      }
    }
    return b.append('}').toString();
  }
}
