package io.sassim.sim.config;

import io.sassim.isa.InputException;
import io.sassim.isa.yaml.YamlNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML of one GPU config after {@code extends} and overrides: a file's base files are merged
 * under it (mappings deep-merged, the extending file wins; lists and scalars replaced), and every
 * value remembers the file that supplied it, so an error in a merged value names that file and
 * its line.
 */
final class ConfigTree {

  /** Pseudo-file named by errors in values that came from {@link #override}. */
  static final String OVERRIDE = "override";

  private static final String EXTENDS = "extends";

  private final Map<YamlNode, String> origin = new IdentityHashMap<>();
  private final List<Path> files = new ArrayList<>();
  private YamlNode root;

  private ConfigTree() {}

  /** Reads {@code file} and, recursively, the files it extends. */
  static ConfigTree read(Path file) throws InputException {
    ConfigTree tree = new ConfigTree();
    tree.root = tree.resolve(file, new ArrayList<>(), null, null);
    return tree;
  }

  YamlNode root() {
    return root;
  }

  /** The files read, the loaded one first, then each base file in {@code extends} order. */
  List<Path> files() {
    return List.copyOf(files);
  }

  /** The file a value came from: the path as the loader was given it, or {@link #OVERRIDE}. */
  String fileOf(YamlNode node) {
    String f = node == null ? null : origin.get(node);
    return f != null ? f : OVERRIDE;
  }

  /**
   * Sets the value at a dotted path ({@code frontEnd.prefetcher.entries}), creating mappings on
   * the way; the binder then rejects paths and values that are not part of the schema. A string
   * is read as a YAML scalar, so {@code "8"} is the integer 8 and {@code "true"} a boolean; a
   * {@code Map} sets a whole sub-tree.
   */
  void override(String dottedPath, Object value) throws InputException {
    String[] keys = dottedPath.split("\\.", -1);
    for (String k : keys) {
      if (k.isEmpty()) {
        throw new InputException(OVERRIDE, 0, dottedPath + ": not a dotted field path");
      }
    }
    YamlNode at = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < keys.length - 1; i++) {
      walked.append(i == 0 ? "" : ".").append(keys[i]);
      Map<String, YamlNode> map = mutableMap(at);
      YamlNode next = map.get(keys[i]);
      if (next == null) {
        next = new YamlNode(new LinkedHashMap<String, YamlNode>(), 0);
        map.put(keys[i], next);
      } else if (!(next.value() instanceof Map)) {
        throw new InputException(OVERRIDE, 0, dottedPath + ": " + walked + " is "
            + next.typeName() + ", not a mapping with fields");
      }
      at = next;
    }
    mutableMap(at).put(keys[keys.length - 1], overrideValue(value, dottedPath));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, YamlNode> mutableMap(YamlNode node) {
    return (Map<String, YamlNode>) node.value();
  }

  private static YamlNode overrideValue(Object value, String path) throws InputException {
    if (value instanceof String s) {
      return new YamlNode(scalar(s), 0);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return new YamlNode(BigInteger.valueOf(((Number) value).longValue()), 0);
    } else if (value instanceof BigInteger || value instanceof Boolean) {
      return new YamlNode(value, 0);
    } else if (value instanceof Double || value instanceof Float) {
      return new YamlNode(((Number) value).doubleValue(), 0);
    } else if (value instanceof Map<?, ?> m) {
      Map<String, YamlNode> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        map.put(key, overrideValue(e.getValue(), path + "." + key));
      }
      return new YamlNode(map, 0);
    }
    throw new InputException(OVERRIDE, 0, path + ": unsupported value "
        + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  /** {@code s} typed as a plain YAML scalar would be; text when it reads as anything else. */
  private static Object scalar(String s) {
    try {
      Object v = YamlNode.read(new StringReader(s), OVERRIDE).value();
      return v instanceof Map || v instanceof List || v == null ? s : v;
    } catch (InputException e) {
      return s; // blank, or not YAML on its own: the binder reports it against the field
    }
  }

  /**
   * One file merged over its base files. {@code chain} holds the real paths being resolved, to
   * detect cycles; {@code via} is the {@code extends} value that led here, for messages.
   */
  private YamlNode resolve(Path file, List<Path> chain, YamlNode via, String viaFile)
      throws InputException {
    String label = file.toString();
    Path real;
    YamlNode raw;
    try {
      real = file.toRealPath();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        raw = YamlNode.read(in, label);
      }
    } catch (IOException e) {
      if (via != null) {
        throw new InputException(viaFile, via.line(),
            EXTENDS + ": cannot read '" + via.value() + "' (" + label + ")");
      }
      String why = e instanceof NoSuchFileException ? "no such file"
          : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
      throw new InputException(label, 0, "cannot read: " + why, e);
    }
    if (chain.contains(real)) {
      StringBuilder cycle = new StringBuilder();
      for (Path p : chain.subList(chain.indexOf(real), chain.size())) {
        cycle.append(p.getFileName()).append(" -> ");
      }
      throw new InputException(viaFile, via.line(),
          EXTENDS + ": cycle " + cycle + real.getFileName());
    }
    if (!(raw.value() instanceof Map)) {
      throw new InputException(label, raw.line(), "document: expected a mapping, got "
          + raw.typeName());
    }
    files.add(file);
    YamlNode own = copy(raw, label);
    YamlNode ext = mutableMap(own).remove(EXTENDS);
    if (ext == null) {
      return own;
    }
    if (!(ext.value() instanceof String rel) || rel.isBlank()) {
      throw new InputException(label, ext.line(),
          EXTENDS + ": expected the relative path of a base file, got " + ext.typeName());
    }
    Path target = file.resolveSibling(rel).normalize();
    if (!Files.isRegularFile(target)) {
      throw new InputException(label, ext.line(),
          EXTENDS + ": no such file '" + rel + "' (looked for " + target + ")");
    }
    List<Path> inner = new ArrayList<>(chain);
    inner.add(real);
    YamlNode base = resolve(target, inner, ext, label);
    return merge(base, own);
  }

  /** A deep copy with mutable mappings, every node tagged with {@code file}. */
  @SuppressWarnings("unchecked")
  private YamlNode copy(YamlNode node, String file) {
    YamlNode out;
    if (node.value() instanceof Map<?, ?> m) {
      Map<String, YamlNode> map = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> e : ((Map<String, YamlNode>) m).entrySet()) {
        map.put(e.getKey(), copy(e.getValue(), file));
      }
      out = new YamlNode(map, node.line());
    } else {
      out = new YamlNode(node.value(), node.line());
    }
    origin.put(out, file);
    return out;
  }

  /** {@code child} over {@code base}: mappings merge key by key, anything else is replaced. */
  private YamlNode merge(YamlNode base, YamlNode child) {
    if (!(base.value() instanceof Map) || !(child.value() instanceof Map)) {
      return child;
    }
    Map<String, YamlNode> map = new LinkedHashMap<>(mutableMap(base));
    for (Map.Entry<String, YamlNode> e : mutableMap(child).entrySet()) {
      YamlNode under = map.get(e.getKey());
      map.put(e.getKey(), under == null ? e.getValue() : merge(under, e.getValue()));
    }
    YamlNode out = new YamlNode(map, child.line());
    origin.put(out, origin.get(child));
    return out;
  }
}
