package io.sassim.sim.config;

import io.sassim.isa.InputException;
import io.sassim.isa.yaml.Fields;
import io.sassim.isa.yaml.NodeReader;
import io.sassim.isa.yaml.YamlNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a merged {@link ConfigTree} into the config records. The records are the schema: a
 * mapping's keys must be exactly a record's components (an unknown key or a missing one is an
 * error), and every scalar goes through its {@link ConfigRules} rule. Errors name the file and
 * line that supplied the offending value.
 */
final class ConfigBinder extends NodeReader {
  private final ConfigTree tree;
  /** Every bound scalar by its field path, so cross-field checks can point at a line. */
  private final Map<String, YamlNode> scalars = new HashMap<>();

  ConfigBinder(ConfigTree tree) {
    super(tree.fileOf(tree.root()));
    this.tree = tree;
  }

  GpuConfig bind() throws InputException {
    GpuConfig c = bindRecord(tree.root(), "", "", GpuConfig.class);
    ConfigRules.check(c, this);
    return c;
  }

  @Override
  public InputException error(YamlNode at, String path, String problem) {
    String file = at == null ? file() : tree.fileOf(at);
    return new InputException(file, at == null ? 0 : at.line(), path + ": " + problem);
  }

  /** An error about the bound scalar at {@code path}. */
  InputException errorAt(String path, String problem) {
    return error(scalars.get(path), path, problem);
  }

  private <T extends Record> T bindRecord(YamlNode node, String path, String rulePath,
      Class<T> type) throws InputException {
    RecordComponent[] parts = type.getRecordComponents();
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponent rc : parts) {
      names.add(rc.getName());
    }
    Fields f = fields(node, path, names);
    Object[] args = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String name = parts[i].getName();
      types[i] = parts[i].getType();
      args[i] = bindValue(f.require(name), f.pathOf(name), join(rulePath, name),
          parts[i].getGenericType());
    }
    try {
      Constructor<T> canonical = type.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      // A compact constructor refused the values: report it against the mapping.
      throw error(node, path.isEmpty() ? "document" : path, e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Object bindValue(YamlNode node, String path, String rulePath, Type type)
      throws InputException {
    if (type instanceof Class<?> c && c.isRecord()) {
      return bindRecord(node, path, rulePath, (Class<? extends Record>) c);
    }
    if (type instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
      return bindMap(node, path, rulePath, pt.getActualTypeArguments()[1]);
    }
    if (type == boolean.class) {
      scalars.put(path, node);
      return bool(node, path);
    }
    ConfigRules.FieldRule rule = ConfigRules.rule(rulePath);
    if (rule == null) {
      throw new IllegalStateException("no validation rule for config field " + rulePath);
    }
    scalars.put(path, node);
    Object v = rule.read(this, node, path);
    if (type == int.class) {
      return Math.toIntExact((Long) v);
    } else if (type == long.class || type == double.class || type == String.class) {
      return v;
    }
    throw new IllegalStateException("unsupported config field type " + type + " at " + rulePath);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> bindMap(YamlNode node, String path, String rulePath, Type valueType)
      throws InputException {
    if (!(node.value() instanceof Map)) {
      throw error(node, path, "expected a mapping, got " + node.typeName());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : ((Map<String, YamlNode>) node.value()).entrySet()) {
      String key = e.getKey();
      String problem = ConfigRules.keyProblem(rulePath, key);
      if (problem != null) {
        throw error(e.getValue(), join(path, key), problem);
      }
      out.put(key, bindValue(e.getValue(), join(path, key), join(rulePath, "*"), valueType));
    }
    return Collections.unmodifiableMap(out);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
