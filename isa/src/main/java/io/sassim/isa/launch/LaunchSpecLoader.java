package io.sassim.isa.launch;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.yaml.Fields;
import io.sassim.isa.yaml.NodeReader;
import io.sassim.isa.yaml.YamlNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a launch spec (docs/launch-spec.md). Every problem is reported once, as an
 * {@link InputException} naming the file, the line and the field path ({@code args[2].buffer.count}).
 */
public final class LaunchSpecLoader {

  /** Largest buffer: its bytes are built in one Java array. */
  public static final long MAX_BUFFER_BYTES = Integer.MAX_VALUE - 8;
  /** Largest opt-in dynamic shared memory per block among the modelled targets (sm_90: 227 KiB). */
  public static final int MAX_DYNAMIC_SHARED_BYTES = 227 * 1024;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private LaunchSpecLoader() {}

  public static LaunchSpec load(Path file) throws InputException {
    String name = file.toString();
    YamlNode root = YamlNode.readFile(file);
    return new Reading(file, name).spec(root);
  }

  /** One load: the file for messages and for resolving relative paths. */
  private static final class Reading extends NodeReader {
    private final Path file;

    Reading(Path file, String name) {
      super(name);
      this.file = file;
    }

    LaunchSpec spec(YamlNode root) throws InputException {
      Fields top =
          fields(root, "", Set.of("kernel", "binary", "archs", "grid", "block",
              "dynamicSharedBytes", "repeat", "args"));
      String kernel = text(top.require("kernel"), "kernel");
      if (!IDENTIFIER.matcher(kernel).matches()) {
        throw error(top.get("kernel"), "kernel", "must be a symbol name, got '" + kernel + "'");
      }
      String binary = text(top.require("binary"), "binary");
      if (binary.replace("{arch}", "").matches(".*[{}].*")) {
        throw error(top.get("binary"), "binary", "the only placeholder is {arch}, got '" + binary + "'");
      }
      List<Architecture> archs = new ArrayList<>();
      YamlNode archsNode = top.get("archs");
      if (archsNode != null) {
        List<YamlNode> items = list(archsNode, "archs");
        for (int i = 0; i < items.size(); i++) {
          String s = text(items.get(i), "archs[" + i + "]");
          Architecture a = Architecture.parse(s);
          if (a == null) {
            throw error(items.get(i), "archs[" + i + "]", "unknown target '" + s + "'");
          }
          archs.add(a);
        }
      }
      Dim3 block = dim3(top.require("block"), "block", new long[] {1024, 1024, 64});
      if (block.volume() > 1024) {
        throw error(top.get("block"), "block", "at most 1024 threads per block, got " + block.volume());
      }
      Dim3 grid = dim3(top.require("grid"), "grid", new long[] {Integer.MAX_VALUE, 65535, 65535});
      int shared = top.has("dynamicSharedBytes")
          ? (int) integer(top.get("dynamicSharedBytes"), "dynamicSharedBytes", 0,
              MAX_DYNAMIC_SHARED_BYTES)
          : 0;
      int repeat = top.has("repeat") ? (int) integer(top.get("repeat"), "repeat", 1, 1_000_000) : 1;
      List<KernelArg> args = args(top.require("args"));
      return new LaunchSpec(file, kernel, binary, archs, grid, block, shared, repeat, args);
    }

    private List<KernelArg> args(YamlNode node) throws InputException {
      List<YamlNode> items = list(node, "args");
      List<KernelArg> args = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String path = "args[" + i + "]";
        Fields f = fields(items.get(i), path, Set.of("name", "scalar", "buffer", "output", "clocks"));
        String argName = text(f.require("name"), path + ".name");
        if (!IDENTIFIER.matcher(argName).matches()) {
          throw error(f.get("name"), path + ".name", "must be an identifier, got '" + argName + "'");
        }
        if (!names.add(argName)) {
          throw error(f.get("name"), path + ".name", "duplicate argument name '" + argName + "'");
        }
        if (f.has("scalar") == f.has("buffer")) {
          throw error(items.get(i), path, "needs exactly one of 'scalar' or 'buffer'");
        }
        if (f.has("scalar")) {
          for (String flag : List.of("output", "clocks")) {
            if (f.has(flag)) {
              throw error(f.get(flag), path + "." + flag, "applies only to a buffer");
            }
          }
          args.add(scalar(argName, f.get("scalar"), path + ".scalar"));
        } else {
          boolean clocks = f.has("clocks") && bool(f.get("clocks"), path + ".clocks");
          boolean output = clocks || (f.has("output") && bool(f.get("output"), path + ".output"));
          args.add(buffer(argName, f.get("buffer"), path + ".buffer", output, clocks));
          if (clocks && ((BufferArg) args.get(args.size() - 1)).type().isFloat()) {
            throw error(f.get("clocks"), path + ".clocks", "a clocks buffer needs an integer type");
          }
        }
      }
      return args;
    }

    private ScalarArg scalar(String argName, YamlNode node, String path) throws InputException {
      Fields f = fields(node, path, Set.of("type", "value"));
      ElementType type = type(f.require("type"), path + ".type");
      return new ScalarArg(argName, type, value(f.require("value"), path + ".value", type));
    }

    private BufferArg buffer(String argName, YamlNode node, String path, boolean output,
        boolean clocks) throws InputException {
      Fields f = fields(node, path, Set.of("type", "count", "init"));
      ElementType type = type(f.require("type"), path + ".type");
      long count = integer(f.require("count"), path + ".count", 1, MAX_BUFFER_BYTES / type.bytes());
      Initializer init = init(f.require("init"), path + ".init", type, count);
      return new BufferArg(argName, type, count, init, output, clocks);
    }

    private Initializer init(YamlNode node, String path, ElementType type, long count)
        throws InputException {
      Fields f = fields(node, path, Set.of("constant", "iota", "random", "file", "pointerChase"));
      if (f.map().size() != 1) {
        throw error(node, path, "needs exactly one of constant, iota, random, file, pointerChase");
      }
      String kind = f.map().keySet().iterator().next();
      YamlNode v = f.get(kind);
      String p = path + "." + kind;
      switch (kind) {
        case "constant":
          return new Initializer.Constant(value(v, p, type));
        case "iota": {
          Fields io = fields(v, p, Set.of("start", "step"));
          Number start = io.has("start") ? value(io.get("start"), p + ".start", type) : zero(type);
          Number step = io.has("step") ? step(io.get("step"), p + ".step", type) : one(type);
          return new Initializer.Iota(start, step);
        }
        case "random":
          return random(v, p, type);
        case "file": {
          String rel = text(v, p);
          Path data = file.toAbsolutePath().getParent().resolve(rel).normalize();
          if (!Files.isRegularFile(data)) {
            throw error(v, p, "no such file: " + data);
          }
          long size;
          try {
            size = Files.size(data);
          } catch (IOException e) {
            throw error(v, p, "cannot read " + data + ": " + e.getMessage());
          }
          if (size != count * type.bytes()) {
            throw error(v, p, rel + " has " + size + " bytes, but count × element size is "
                + count * type.bytes());
          }
          return new Initializer.FromFile(data);
        }
        default: {
          Fields pc = fields(v, p, Set.of("strideBytes", "randomSeed", "pointers"));
          if (type != ElementType.U32 && type != ElementType.U64) {
            throw error(v, p, "needs a u32 or u64 buffer, got " + type.specName());
          }
          boolean pointers = pc.has("pointers") && bool(pc.get("pointers"), p + ".pointers");
          if (pointers && type != ElementType.U64) {
            throw error(pc.get("pointers"), p + ".pointers",
                "device addresses need a u64 buffer, got " + type.specName());
          }
          long stride = integer(pc.require("strideBytes"), p + ".strideBytes", 1, Long.MAX_VALUE);
          if (stride % type.bytes() != 0) {
            throw error(pc.get("strideBytes"), p + ".strideBytes",
                "must be a multiple of the element size " + type.bytes() + ", got " + stride);
          }
          OptionalLong seed = pc.has("randomSeed")
              ? OptionalLong.of(integer(pc.get("randomSeed"), p + ".randomSeed", Long.MIN_VALUE,
                  Long.MAX_VALUE))
              : OptionalLong.empty();
          return new Initializer.PointerChase(stride, seed, pointers);
        }
      }
    }

    private Initializer random(YamlNode node, String path, ElementType type)
        throws InputException {
      Map<String, YamlNode> raw = fields(node, path,
          Set.of("seed", "distribution", "min", "max", "mean", "stddev")).map();
      String dist = raw.containsKey("distribution")
          ? text(raw.get("distribution"), path + ".distribution")
          : "uniform";
      if (dist.equals("uniform")) {
        Fields f = fields(node, path, Set.of("seed", "distribution", "min", "max"));
        long seed = integer(f.require("seed"), path + ".seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (type.isFloat()) {
          double min = real(f.require("min"), path + ".min");
          double max = real(f.require("max"), path + ".max");
          if (!(min < max)) {
            throw error(f.get("max"), path + ".max", "must be greater than min " + min + ", got " + max);
          }
          return new Initializer.Uniform(seed, min, max);
        }
        // nextLong(min, max) bounds are longs; max is exclusive so it may be the type's max + 1.
        long lo = type.min().longValue();
        long hi = type.max().add(BigInteger.ONE).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        long min = integer(f.require("min"), path + ".min", lo, hi - 1);
        long max = integer(f.require("max"), path + ".max", min + 1, hi);
        return new Initializer.Uniform(seed, min, max);
      }
      if (dist.equals("normal")) {
        Fields f = fields(node, path, Set.of("seed", "distribution", "mean", "stddev"));
        if (!type.isFloat()) {
          throw error(f.get("distribution"), path + ".distribution",
              "normal needs a float type, got " + type.specName());
        }
        long seed = integer(f.require("seed"), path + ".seed", Long.MIN_VALUE, Long.MAX_VALUE);
        double mean = real(f.require("mean"), path + ".mean");
        double stddev = real(f.require("stddev"), path + ".stddev");
        if (!(stddev >= 0)) {
          throw error(f.get("stddev"), path + ".stddev", "must be at least 0, got " + stddev);
        }
        return new Initializer.Normal(seed, mean, stddev);
      }
      throw error(raw.get("distribution"), path + ".distribution",
          "must be uniform or normal, got '" + dist + "'");
    }

    // ---- typed field readers; each names the field path in its message ----

    private Dim3 dim3(YamlNode node, String path, long[] limits) throws InputException {
      List<YamlNode> items = node.value() instanceof List ? list(node, path) : List.of(node);
      if (items.size() != 1 && items.size() != 3) {
        throw error(node, path, "needs one or three integers, got " + items.size());
      }
      int[] d = {1, 1, 1};
      String[] axis = {"x", "y", "z"};
      for (int i = 0; i < items.size(); i++) {
        d[i] = (int) integer(items.get(i), path + "." + axis[i], 1, limits[i]);
      }
      return new Dim3(d[0], d[1], d[2]);
    }

    private ElementType type(YamlNode node, String path) throws InputException {
      String s = text(node, path);
      ElementType t = ElementType.fromSpecName(s);
      if (t == null) {
        throw error(node, path,
            "unknown element type '" + s + "' (u8 s8 u16 s16 u32 s32 u64 s64 f16 bf16 f32 f64)");
      }
      return t;
    }

    /** A value of {@code type}: a Long (two's complement for u64) or a Double. */
    private Number value(YamlNode node, String path, ElementType type) throws InputException {
      if (type.isFloat()) {
        return real(node, path);
      }
      if (!(node.value() instanceof BigInteger v)) {
        throw error(node, path, "expected an integer for " + type.specName() + ", got " + node.typeName());
      }
      if (v.compareTo(type.min()) < 0 || v.compareTo(type.max()) > 0) {
        throw error(node, path, v + " is out of range for " + type.specName());
      }
      return v.longValue();
    }

    /** An iota step: may be negative even for unsigned types, since elements wrap anyway. */
    private Number step(YamlNode node, String path, ElementType type) throws InputException {
      return type.isFloat() ? real(node, path) : integer(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private Number zero(ElementType type) {
      return type.isFloat() ? (Number) 0.0 : (Number) 0L;
    }

    private Number one(ElementType type) {
      return type.isFloat() ? (Number) 1.0 : (Number) 1L;
    }
  }
}
