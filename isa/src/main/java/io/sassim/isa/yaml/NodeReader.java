package io.sassim.isa.yaml;

import io.sassim.isa.InputException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the values of one {@link YamlNode} document. Every accessor takes the field's
 * path ({@code args[2].buffer.count}) and fails with an {@link InputException} that reads
 * {@code file:line: path: problem}, so loaders built on it report each mistake once and precisely.
 * Loaders extend it (or hold one) per file they read.
 */
public class NodeReader {
  private final String file;

  /** @param file the name messages give the file (usually the path as the user wrote it) */
  public NodeReader(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** The error for the value {@code at} (its line; 0 without one) of field {@code path}. */
  public InputException error(YamlNode at, String path, String problem) {
    return new InputException(file, at == null ? 0 : at.line(), path + ": " + problem);
  }

  /**
   * A mapping whose keys are all in {@code allowed}; an unknown key is an error, so a misspelt
   * optional field is never silently ignored.
   */
  @SuppressWarnings("unchecked")
  public Fields fields(YamlNode node, String path, Set<String> allowed) throws InputException {
    if (!(node.value() instanceof Map)) {
      throw error(node, path.isEmpty() ? "document" : path,
          "expected a mapping, got " + node.typeName());
    }
    Map<String, YamlNode> map = (Map<String, YamlNode>) node.value();
    for (Map.Entry<String, YamlNode> e : map.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw error(e.getValue(), Fields.child(path, e.getKey()),
            "unknown key (expected one of " + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
    return new Fields(this, node, path, map);
  }

  @SuppressWarnings("unchecked")
  public List<YamlNode> list(YamlNode node, String path) throws InputException {
    if (!(node.value() instanceof List)) {
      throw error(node, path, "expected a list, got " + node.typeName());
    }
    return (List<YamlNode>) node.value();
  }

  /** Non-blank text. */
  public String text(YamlNode node, String path) throws InputException {
    if (!(node.value() instanceof String s) || s.isBlank()) {
      throw error(node, path, "expected text, got " + node.typeName());
    }
    return s;
  }

  /** An integer in {@code min..max}. */
  public long integer(YamlNode node, String path, long min, long max) throws InputException {
    if (!(node.value() instanceof BigInteger v)) {
      throw error(node, path, "expected an integer, got " + node.typeName());
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw error(node, path, "must be in " + min + ".." + max + ", got " + v);
    }
    return v.longValue();
  }

  /** Any number, integer or not. */
  public double real(YamlNode node, String path) throws InputException {
    if (node.value() instanceof BigInteger v) {
      return v.doubleValue();
    }
    if (node.value() instanceof Double d) {
      return d;
    }
    throw error(node, path, "expected a number, got " + node.typeName());
  }

  public boolean bool(YamlNode node, String path) throws InputException {
    if (!(node.value() instanceof Boolean b)) {
      throw error(node, path, "expected true or false, got " + node.typeName());
    }
    return b;
  }
}
