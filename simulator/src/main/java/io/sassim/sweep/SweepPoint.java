package io.sassim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration of a sweep: config overrides by dotted path.
 *
 * @param index 0-based position among the sweep's points
 * @param settings path to value (Long, Double, Boolean or String), in the spec's parameter order
 * @param lines path to the spec line that gave the value, for error messages
 */
public record SweepPoint(int index, Map<String, Object> settings, Map<String, Integer> lines) {

  public SweepPoint {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    lines = Map.copyOf(lines);
  }

  /** The value's text as results show it: {@code 8}, {@code 0.5}, {@code true}, {@code scoreboard}. */
  public static String text(Object value) {
    return String.valueOf(value);
  }

  /** {@code path=value, ...}, or {@code base} for a point without overrides. */
  public String label() {
    if (settings.isEmpty()) {
      return "base";
    }
    List<String> parts = new ArrayList<>();
    settings.forEach((k, v) -> parts.add(shortName(k) + "=" + text(v)));
    return String.join(", ", parts);
  }

  /** The last segment of a dotted path, which is what a figure's legend has room for. */
  public static String shortName(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
