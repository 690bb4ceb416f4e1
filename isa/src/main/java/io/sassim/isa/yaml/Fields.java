package io.sassim.isa.yaml;

import io.sassim.isa.InputException;
import java.util.Map;

/** The keys of one mapping, with its field path for messages; made by {@link NodeReader#fields}. */
public record Fields(NodeReader reader, YamlNode node, String path, Map<String, YamlNode> map) {

  public boolean has(String key) {
    return map.containsKey(key);
  }

  /** The value of {@code key}, or null when absent. */
  public YamlNode get(String key) {
    return map.get(key);
  }

  /** The value of {@code key}; absent or null is an error naming the field. */
  public YamlNode require(String key) throws InputException {
    YamlNode v = map.get(key);
    if (v == null || v.value() == null) {
      throw reader.error(v != null ? v : node, child(path, key), "missing (required)");
    }
    return v;
  }

  /** The path of field {@code key} inside the mapping at {@code path}. */
  public String pathOf(String key) {
    return child(path, key);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
