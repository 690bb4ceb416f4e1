package io.sassim.sim.stats;

import io.sassim.sim.core.StallReason;

/**
 * The JSON and summary-line names of issue-stall reasons: each {@link StallReason} constant in
 * lower camel case ({@code MEMORY_QUEUE} is {@code memoryQueue}), so that stall keys read like the
 * {@link Stat} keys beside them.
 */
public final class StallKeys {

  private static final String[] KEYS = new String[StallReason.values().length];

  static {
    for (StallReason r : StallReason.values()) {
      KEYS[r.ordinal()] = camel(r.name());
    }
  }

  private StallKeys() {}

  public static String of(StallReason reason) {
    return KEYS[reason.ordinal()];
  }

  private static String camel(String constant) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : constant.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return out.toString();
  }
}
