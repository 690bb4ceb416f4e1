package io.sassim.sim.config;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a {@link GpuConfig} as one self-contained YAML document (no {@code extends}), fields in
 * record order, for reports and provenance. Strings are always double-quoted so that no value
 * can be read back as another type.
 */
final class ConfigYamlWriter {

  private ConfigYamlWriter() {}

  static String write(GpuConfig config) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(config.name())
        .append(": resolved sassim GPU config (base files and overrides applied)\n");
    writeRecord(config, 0, out);
    return out.toString();
  }

  private static void writeRecord(Record r, int indent, StringBuilder out) {
    for (RecordComponent rc : r.getClass().getRecordComponents()) {
      writeEntry(rc.getName(), read(r, rc), indent, out);
    }
  }

  /** A few numbers (a cache geometry, a unit's timing, a latency row) fit on one line. */
  private static boolean isFlat(Record r) {
    RecordComponent[] parts = r.getClass().getRecordComponents();
    for (RecordComponent rc : parts) {
      Class<?> t = rc.getType();
      if (!t.isPrimitive() || t == boolean.class) {
        return false;
      }
    }
    return parts.length <= 6;
  }

  private static Object read(Record r, RecordComponent rc) {
    try {
      return rc.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + rc, e);
    }
  }

  private static void writeEntry(String key, Object v, int indent, StringBuilder out) {
    out.append("  ".repeat(indent)).append(key).append(':');
    if (v instanceof Record r && isFlat(r)) {
      out.append(" {");
      RecordComponent[] parts = r.getClass().getRecordComponents();
      for (int i = 0; i < parts.length; i++) {
        out.append(i == 0 ? "" : ", ").append(parts[i].getName()).append(": ")
            .append(scalar(read(r, parts[i])));
      }
      out.append("}\n");
    } else if (v instanceof Record r) {
      out.append('\n');
      writeRecord(r, indent + 1, out);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append(" {}\n");
        return;
      }
      out.append('\n');
      for (Map.Entry<?, ?> e : m.entrySet()) {
        writeEntry(String.valueOf(e.getKey()), e.getValue(), indent + 1, out);
      }
    } else {
      out.append(' ').append(scalar(v)).append('\n');
    }
  }

  private static String scalar(Object v) {
    if (v instanceof String s) {
      return quoted(s);
    } else if (v instanceof Double d) {
      // Plain decimal: "1.0E10" would read back as text under YAML 1.1.
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue()) + ".0"
          : BigDecimal.valueOf(d).toPlainString();
    }
    return String.valueOf(v);
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
