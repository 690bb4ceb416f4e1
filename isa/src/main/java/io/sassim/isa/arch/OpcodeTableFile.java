package io.sassim.isa.arch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sassim.isa.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One opcode-table YAML file as written, before it is merged with the files it extends. Parsing
 * checks every key and value, so a typo in a latency file fails at load with the file and the
 * YAML path of the bad entry instead of silently changing timing.
 */
record OpcodeTableFile(
    String file,
    String extendsName,
    Map<UnitClass, UnitDefaults> units,
    Map<String, Entry> opcodes,
    Set<String> remove,
    Integer tensorRateBitsPerCycle,
    Integer tensorExtraF32) {

  /** Per-unit-class timing; null fields leave the inherited value alone. */
  record UnitDefaults(Integer latency, Integer ii, Boolean variable, Boolean shared) {}

  /**
   * One opcode as written. Null timing fields fall back to the unit class defaults.
   *
   * @param latencyByWidth load/store latency by access width in bits (32, 64, 128), when the width
   *     modifier changes it
   * @param mmaBits operand width used by the tensor shape formula when the opcode carries no type
   *     modifier; null when the formula does not apply
   */
  record Entry(
      UnitClass unit,
      Integer latency,
      Integer ii,
      Boolean variable,
      Boolean shared,
      Map<Integer, Integer> latencyByWidth,
      Integer mmaBits) {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern OPCODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> TOP_KEYS =
      Set.of("extends", "units", "opcodes", "remove", "tensor");
  private static final Set<String> UNIT_KEYS = Set.of("latency", "ii", "variable", "shared");
  private static final Set<String> ENTRY_KEYS =
      Set.of("unit", "latency", "ii", "variable", "shared", "latency_by_width", "mma_bits");

  static OpcodeTableFile parse(String file, String text) throws InputException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InputException(file, Math.max(line, 0), "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InputException(file, 0, "expected a mapping with keys " + TOP_KEYS);
    }
    checkKeys(file, "", root, TOP_KEYS);

    String ext = null;
    if (root.has("extends")) {
      ext = text(file, "extends", root.get("extends"));
    }
    Map<UnitClass, UnitDefaults> units = new LinkedHashMap<>();
    JsonNode unitsNode = root.get("units");
    if (unitsNode != null) {
      requireObject(file, "units", unitsNode);
      for (Iterator<Map.Entry<String, JsonNode>> it = unitsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String path = "units." + f.getKey();
        UnitClass unit = unitClass(file, path, f.getKey());
        requireObject(file, path, f.getValue());
        checkKeys(file, path, f.getValue(), UNIT_KEYS);
        units.put(
            unit,
            new UnitDefaults(
                positive(file, path + ".latency", f.getValue().get("latency")),
                positive(file, path + ".ii", f.getValue().get("ii")),
                bool(file, path + ".variable", f.getValue().get("variable")),
                bool(file, path + ".shared", f.getValue().get("shared"))));
      }
    }
    Map<String, Entry> opcodes = new LinkedHashMap<>();
    JsonNode opsNode = root.get("opcodes");
    if (opsNode != null) {
      requireObject(file, "opcodes", opsNode);
      for (Iterator<Map.Entry<String, JsonNode>> it = opsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String path = "opcodes." + f.getKey();
        opcodeName(file, path, f.getKey());
        opcodes.put(f.getKey(), entry(file, path, f.getValue()));
      }
    }
    Set<String> remove = new LinkedHashSet<>();
    JsonNode removeNode = root.get("remove");
    if (removeNode != null) {
      if (!removeNode.isArray()) {
        throw new InputException(file, 0, "remove: expected a list of opcodes");
      }
      for (JsonNode n : removeNode) {
        String name = text(file, "remove", n);
        opcodeName(file, "remove", name);
        if (opcodes.containsKey(name)) {
          throw new InputException(file, 0, "remove: " + name + " is also defined under opcodes");
        }
        remove.add(name);
      }
    }
    Integer rate = null;
    Integer extra = null;
    JsonNode tensor = root.get("tensor");
    if (tensor != null) {
      requireObject(file, "tensor", tensor);
      checkKeys(file, "tensor", tensor, Set.of("rate_bits_per_cycle", "extra_latency_f32_16816_1688"));
      rate = positive(file, "tensor.rate_bits_per_cycle", tensor.get("rate_bits_per_cycle"));
      extra = nonNegative(file, "tensor.extra_latency_f32_16816_1688", tensor.get("extra_latency_f32_16816_1688"));
    }
    return new OpcodeTableFile(file, ext, units, opcodes, remove, rate, extra);
  }

  private static Entry entry(String file, String path, JsonNode node) throws InputException {
    if (node.isTextual()) {
      // Short form "IADD3: INT": the unit's default timing.
      return new Entry(unitClass(file, path, node.asText()), null, null, null, null, Map.of(), null);
    }
    requireObject(file, path, node);
    checkKeys(file, path, node, ENTRY_KEYS);
    if (!node.has("unit")) {
      throw new InputException(file, 0, path + ": missing 'unit'");
    }
    UnitClass unit = unitClass(file, path + ".unit", text(file, path + ".unit", node.get("unit")));
    Map<Integer, Integer> byWidth = new TreeMap<>();
    JsonNode w = node.get("latency_by_width");
    if (w != null) {
      requireObject(file, path + ".latency_by_width", w);
      for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String wp = path + ".latency_by_width." + f.getKey();
        if (!List.of("32", "64", "128").contains(f.getKey())) {
          throw new InputException(file, 0, wp + ": width must be 32, 64 or 128");
        }
        byWidth.put(Integer.parseInt(f.getKey()), positive(file, wp, f.getValue()));
      }
    }
    return new Entry(
        unit,
        positive(file, path + ".latency", node.get("latency")),
        positive(file, path + ".ii", node.get("ii")),
        bool(file, path + ".variable", node.get("variable")),
        bool(file, path + ".shared", node.get("shared")),
        Map.copyOf(byWidth),
        positive(file, path + ".mma_bits", node.get("mma_bits")));
  }

  private static void checkKeys(String file, String path, JsonNode node, Set<String> allowed)
      throws InputException {
    List<String> bad = new ArrayList<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        bad.add(k);
      }
    });
    if (!bad.isEmpty()) {
      String where = path.isEmpty() ? "" : path + ": ";
      throw new InputException(
          file, 0, where + "unknown key '" + bad.get(0) + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
    }
  }

  private static void requireObject(String file, String path, JsonNode node) throws InputException {
    if (!node.isObject()) {
      throw new InputException(file, 0, path + ": expected a mapping");
    }
  }

  private static String text(String file, String path, JsonNode node) throws InputException {
    if (!node.isTextual()) {
      throw new InputException(file, 0, path + ": expected a string, got " + node);
    }
    return node.asText();
  }

  private static void opcodeName(String file, String path, String name) throws InputException {
    if (!OPCODE.matcher(name).matches()) {
      throw new InputException(
          file, 0, path + ": '" + name + "' is not a base mnemonic (upper case, no modifiers)");
    }
  }

  private static UnitClass unitClass(String file, String path, String name) throws InputException {
    for (UnitClass u : UnitClass.values()) {
      if (u.name().equals(name)) {
        return u;
      }
    }
    throw new InputException(
        file, 0, path + ": unknown unit class '" + name + "' (one of " + Arrays.toString(UnitClass.values()) + ")");
  }

  private static Integer positive(String file, String path, JsonNode node) throws InputException {
    Integer v = integer(file, path, node);
    if (v != null && v < 1) {
      throw new InputException(file, 0, path + ": must be at least 1, got " + v);
    }
    return v;
  }

  private static Integer nonNegative(String file, String path, JsonNode node) throws InputException {
    Integer v = integer(file, path, node);
    if (v != null && v < 0) {
      throw new InputException(file, 0, path + ": must not be negative, got " + v);
    }
    return v;
  }

  private static Integer integer(String file, String path, JsonNode node) throws InputException {
    if (node == null) {
      return null;
    }
    if (!node.isInt()) {
      throw new InputException(file, 0, path + ": expected a whole number of cycles, got " + node);
    }
    return node.asInt();
  }

  private static Boolean bool(String file, String path, JsonNode node) throws InputException {
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      throw new InputException(file, 0, path + ": expected true or false, got " + node);
    }
    return node.asBoolean();
  }
}
