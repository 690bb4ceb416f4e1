package io.sassim.validation.profiler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance-valued cell of Nsight Compute's {@code --print-metric-instances details} export,
 * such as {@code sass__inst_executed_per_opcode}: a total, then the count of each instance in
 * parentheses, {@code "2,434 (STL: 410; LDL: 410; BRX: 2)"}. Counts carry thousands separators.
 * A metric with no instances prints only its total ({@code "0"}).
 *
 * @param total the number before the parentheses
 * @param counts each instance's count, in printed order (largest first, as ncu prints them)
 */
public record NcuOpcodeMix(long total, Map<String, Long> counts) {

  public NcuOpcodeMix {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** The count of {@code name}; 0 when the cell does not list it. */
  public long count(String name) {
    Long n = counts.get(name);
    return n == null ? 0 : n;
  }

  /** The sum of the listed counts; equals {@link #total()} for a per-opcode mix. */
  public long listedSum() {
    long s = 0;
    for (long n : counts.values()) {
      s += n;
    }
    return s;
  }

  /**
   * Parses {@code cell}.
   *
   * @throws IllegalArgumentException naming what is malformed; the caller adds file and line
   */
  public static NcuOpcodeMix parse(String cell) {
    String s = cell.trim();
    int open = s.indexOf('(');
    String head = open < 0 ? s : s.substring(0, open).trim();
    long total = number(head, "the total");
    Map<String, Long> counts = new LinkedHashMap<>();
    if (open < 0) {
      return new NcuOpcodeMix(total, counts);
    }
    if (!s.endsWith(")")) {
      throw new IllegalArgumentException("no closing parenthesis after the instance list");
    }
    String body = s.substring(open + 1, s.length() - 1).trim();
    if (body.isEmpty()) {
      return new NcuOpcodeMix(total, counts);
    }
    for (String item : body.split(";")) {
      int colon = item.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("instance \"" + item.trim() + "\" has no \": count\"");
      }
      String name = item.substring(0, colon).trim();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("an instance has no name: \"" + item.trim() + "\"");
      }
      long n = number(item.substring(colon + 1).trim(), "the count of " + name);
      if (counts.put(name, n) != null) {
        throw new IllegalArgumentException("instance " + name + " is listed twice");
      }
    }
    return new NcuOpcodeMix(total, counts);
  }

  private static long number(String text, String what) {
    String digits = text.replace(",", "");
    if (digits.isEmpty()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    try {
      long v = Long.parseLong(digits);
      if (v < 0) {
        throw new IllegalArgumentException(what + " is negative: \"" + text + "\"");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a whole number: \"" + text + "\"");
    }
  }
}
