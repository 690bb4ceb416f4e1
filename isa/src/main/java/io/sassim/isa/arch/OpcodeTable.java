package io.sassim.isa.arch;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opcodes one architecture understands, with the unit class and timing the model uses for
 * each (model-facts 5.1 and 5.3). Built from {@code base.yaml} plus the overlay file of the
 * architecture (e.g. {@code sm_86.yaml}); an overlay may extend another overlay ({@code sm_90a}
 * extends {@code sm_90}).
 */
public final class OpcodeTable {
  private static final String RESOURCE_DIR = "/io/sassim/isa/arch/";
  private static final Map<Architecture, OpcodeTable> CACHE = new ConcurrentHashMap<>();

  private final Architecture arch;
  private final Map<UnitClass, int[]> unitTiming;
  private final ImmutableSortedMap<String, OpcodeInfo> infos;
  private final ImmutableMap<String, Map<Integer, Integer>> latencyByWidth;
  private final ImmutableMap<String, Integer> mmaBits;
  private final int tensorRateBitsPerCycle;
  private final int tensorExtraF32;

  private OpcodeTable(
      Architecture arch,
      Map<String, OpcodeInfo> infos,
      Map<String, Map<Integer, Integer>> latencyByWidth,
      Map<String, Integer> mmaBits,
      int tensorRate,
      int tensorExtra,
      Map<UnitClass, int[]> unitTiming) {
    this.unitTiming = new EnumMap<>(UnitClass.class);
    for (Map.Entry<UnitClass, int[]> e : unitTiming.entrySet()) {
      this.unitTiming.put(e.getKey(), e.getValue().clone());
    }
    this.arch = arch;
    this.infos = ImmutableSortedMap.copyOf(infos);
    this.latencyByWidth = ImmutableMap.copyOf(latencyByWidth);
    this.mmaBits = ImmutableMap.copyOf(mmaBits);
    this.tensorRateBitsPerCycle = tensorRate;
    this.tensorExtraF32 = tensorExtra;
  }

  /**
   * The bundled table of {@code arch}. The tables ship inside the jar and are checked by the tests,
   * so a failure here is a build defect and surfaces as an unchecked exception.
   */
  public static OpcodeTable forArch(Architecture arch) {
    return CACHE.computeIfAbsent(
        arch,
        a -> {
          try {
            return load(a, OpcodeTable::readResource);
          } catch (InputException e) {
            throw new IllegalStateException("bundled opcode table is broken: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Loads the table of {@code arch} from {@code dir}, which holds {@code base.yaml} and the
   * overlay files, so that an architect can try other latencies without rebuilding.
   */
  public static OpcodeTable load(Path dir, Architecture arch) throws InputException {
    return load(
        arch,
        name -> {
          Path p = dir.resolve(name);
          try {
            return Files.readString(p, StandardCharsets.UTF_8);
          } catch (NoSuchFileException e) {
            return null;
          } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
          }
        });
  }

  /** Where table files come from: the jar or a directory. Returns null when the file is missing. */
  interface Source {
    String read(String fileName);
  }

  static OpcodeTable load(Architecture arch, Source source) throws InputException {
    // Collect the chain leaf -> base, then apply it base first.
    Deque<OpcodeTableFile> chain = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    String name = arch.smName();
    while (name != null) {
      String fileName = name + ".yaml";
      if (!seen.add(name)) {
        throw new InputException(fileName, 0, "'extends' forms a cycle through " + seen);
      }
      String text = source.read(fileName);
      if (text == null) {
        String why = chain.isEmpty() ? "no opcode table for " + arch : "extended by " + chain.peekFirst().file() + " but missing";
        throw new InputException(fileName, 0, why);
      }
      OpcodeTableFile f = OpcodeTableFile.parse(fileName, text);
      chain.addFirst(f);
      if (f.extendsName() == null && !name.equals("base")) {
        throw new InputException(fileName, 0, "missing 'extends' (base or another overlay)");
      }
      name = f.extendsName();
    }
    return merge(arch, chain);
  }

  private static OpcodeTable merge(Architecture arch, Deque<OpcodeTableFile> chain)
      throws InputException {
    Map<UnitClass, int[]> unitTiming = new EnumMap<>(UnitClass.class); // latency, ii
    Map<UnitClass, boolean[]> unitFlags = new EnumMap<>(UnitClass.class); // variable, shared
    Map<String, OpcodeTableFile.Entry> entries = new LinkedHashMap<>();
    Integer rate = null;
    Integer extra = null;
    for (OpcodeTableFile f : chain) {
      for (Map.Entry<UnitClass, OpcodeTableFile.UnitDefaults> u : f.units().entrySet()) {
        int[] t = unitTiming.computeIfAbsent(u.getKey(), k -> new int[] {0, 0});
        boolean[] b = unitFlags.computeIfAbsent(u.getKey(), k -> new boolean[2]);
        OpcodeTableFile.UnitDefaults d = u.getValue();
        if (d.latency() != null) t[0] = d.latency();
        if (d.ii() != null) t[1] = d.ii();
        if (d.variable() != null) b[0] = d.variable();
        if (d.shared() != null) b[1] = d.shared();
      }
      for (String r : f.remove()) {
        if (entries.remove(r) == null) {
          throw new InputException(f.file(), 0, "remove: " + r + " is not in the tables it extends");
        }
      }
      entries.putAll(f.opcodes());
      if (f.tensorRateBitsPerCycle() != null) rate = f.tensorRateBitsPerCycle();
      if (f.tensorExtraF32() != null) extra = f.tensorExtraF32();
    }
    String leaf = chain.peekLast().file();
    if (rate == null || extra == null) {
      throw new InputException(leaf, 0, "tensor.rate_bits_per_cycle and tensor.extra_latency_f32_16816_1688 must be set (normally in base.yaml)");
    }
    Map<String, OpcodeInfo> infos = new LinkedHashMap<>();
    Map<String, Map<Integer, Integer>> byWidth = new LinkedHashMap<>();
    Map<String, Integer> mma = new LinkedHashMap<>();
    for (Map.Entry<String, OpcodeTableFile.Entry> e : entries.entrySet()) {
      OpcodeTableFile.Entry en = e.getValue();
      int[] t = unitTiming.get(en.unit());
      boolean[] b = unitFlags.get(en.unit());
      if (t == null || t[0] == 0 || t[1] == 0) {
        if (en.latency() == null || en.ii() == null) {
          throw new InputException(leaf, 0, "opcodes." + e.getKey() + ": unit " + en.unit() + " has no default latency and ii under 'units', so the entry must give both");
        }
      }
      int latency = en.latency() != null ? en.latency() : t[0];
      int ii = en.ii() != null ? en.ii() : t[1];
      boolean variable = en.variable() != null ? en.variable() : b != null && b[0];
      boolean shared = en.shared() != null ? en.shared() : b != null && b[1];
      infos.put(e.getKey(), new OpcodeInfo(e.getKey(), en.unit(), variable, latency, ii, shared));
      if (!en.latencyByWidth().isEmpty()) {
        byWidth.put(e.getKey(), en.latencyByWidth());
      }
      if (en.mmaBits() != null) {
        mma.put(e.getKey(), en.mmaBits());
      }
    }
    return new OpcodeTable(arch, infos, byWidth, mma, rate, extra, unitTiming);
  }

  private static String readResource(String fileName) {
    try (InputStream in = OpcodeTable.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The default latency and initiation interval of {@code unit} (its 'units' entry), as {latency,
   * ii}; {0, 0} when the tables give none. Opcodes with their own timing differ from it.
   */
  public int[] unitTiming(UnitClass unit) {
    int[] t = unitTiming.get(unit);
    return t == null ? new int[] {0, 0} : t.clone();
  }

  public Architecture architecture() {
    return arch;
  }

  /** The table entry of a base mnemonic such as {@code IMAD}; null when this target lacks it. */
  public OpcodeInfo lookup(String opcode) {
    return infos.get(opcode);
  }

  public boolean isKnown(String opcode) {
    return infos.containsKey(opcode);
  }

  /** All base mnemonics of this target, sorted. */
  public Set<String> opcodes() {
    return infos.keySet();
  }

  /**
   * The timing of one instruction, given its modifiers as printed after the mnemonic (for
   * {@code HMMA.16816.F32.BF16} pass {@code ["16816", "F32", "BF16"]}). Returns null when the
   * opcode is unknown. Applies, per model-facts 5.3 and 6.3:
   *
   * <ul>
   *   <li>tensor shapes: cycles = m·n·k·bits / rate, halved for {@code .SP}; II = cycles/2,
   *       latency = cycles − II; HMMA with shape 16816 or 1688 and an F32 accumulator adds the
   *       architecture's extra cycles to both;
   *   <li>loads whose latency grows with the access width ({@code .64}, {@code .128}).
   * </ul>
   *
   * Everything else (FP16 II of 1, predicate latency 13, the shared FP64 pipe) is already in the
   * table entry.
   */
  public OpcodeInfo resolve(String opcode, List<String> modifiers) {
    OpcodeInfo info = infos.get(opcode);
    if (info == null) {
      return null;
    }
    Integer bits = mmaBits.get(opcode);
    if (bits != null) {
      OpcodeInfo t = tensorTiming(info, bits, modifiers);
      if (t != null) {
        return t;
      }
    }
    Map<Integer, Integer> widths = latencyByWidth.get(opcode);
    if (widths != null) {
      int width = 32;
      for (String m : modifiers) {
        if (m.equals("64")) width = 64;
        if (m.equals("128")) width = 128;
      }
      Integer latency = widths.get(width);
      if (latency != null) {
        return info.withTiming(latency, info.initiationInterval());
      }
    }
    return info;
  }

  private OpcodeInfo tensorTiming(OpcodeInfo info, int defaultBits, List<String> modifiers) {
    int shapeAt = -1;
    TensorShape shape = null;
    boolean sparse = false;
    for (int i = 0; i < modifiers.size(); i++) {
      String m = modifiers.get(i);
      if (m.equals("SP")) {
        sparse = true;
      } else if (shape == null) {
        shape = TensorShape.parse(m);
        shapeAt = shape == null ? -1 : i;
      }
    }
    if (shape == null) {
      return null;
    }
    // The operand width is the number in the first type modifier after the shape: 32 for
    // HMMA.16816.F32, 8 for IMMA.16832.S8.S8.
    int bits = defaultBits;
    String accumulator = null;
    for (int i = shapeAt + 1; i < modifiers.size(); i++) {
      String digits = modifiers.get(i).replaceAll("[^0-9]", "");
      if (!digits.isEmpty() && digits.length() <= 3) {
        bits = Integer.parseInt(digits);
        accumulator = modifiers.get(i);
        break;
      }
    }
    long cycles = (long) shape.m() * shape.n() * shape.k() * bits / tensorRateBitsPerCycle;
    if (sparse) {
      cycles /= 2;
    }
    int ii = (int) Math.max(1, cycles / 2);
    int latency = (int) Math.max(1, cycles - cycles / 2);
    if (info.opcode().equals("HMMA")
        && "F32".equals(accumulator)
        && shape.n() == 8
        && shape.m() == 16
        && (shape.k() == 16 || shape.k() == 8)) {
      ii += tensorExtraF32;
      latency += tensorExtraF32;
    }
    return info.withTiming(latency, ii);
  }

  /** An MMA shape modifier: {@code 16816} (m16n8k16), {@code 884}, or sm_90's {@code 8x8x4}. */
  record TensorShape(int m, int n, int k) {
    static TensorShape parse(String modifier) {
      if (modifier.matches("[0-9]+x[0-9]+x[0-9]+")) {
        String[] p = modifier.split("x");
        return new TensorShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
      }
      // The packed spelling always has n = 8 and m = 8 or 16 (mma.sync shapes).
      if (!modifier.matches("(16|8)8[0-9]{1,3}")) {
        return null;
      }
      int m = modifier.startsWith("16") ? 16 : 8;
      int k = Integer.parseInt(modifier.substring(m == 16 ? 3 : 2));
      return new TensorShape(m, 8, k);
    }
  }

  @Override
  public String toString() {
    return "OpcodeTable[" + arch + ", " + infos.size() + " opcodes]";
  }
}
