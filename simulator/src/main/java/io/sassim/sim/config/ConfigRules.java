package io.sassim.sim.config;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.arch.UnitClass;
import io.sassim.isa.yaml.YamlNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a valid GPU config is: one rule per scalar field (range, power of two, allowed words),
 * keyed by the field's dotted path ({@code *} stands for any key of a map such as
 * {@code execution.units}), and the checks that relate fields to each other. Every scalar field
 * of the records must have a rule here; the binder refuses one that has none, so a field the
 * records gain cannot slip through unchecked.
 */
final class ConfigRules {

  /** Reads and checks one scalar value; messages follow {@code file:line: path: problem}. */
  interface FieldRule {
    Object read(ConfigBinder in, YamlNode node, String path) throws InputException;
  }

  static final List<String> SCHEDULERS = List.of("cggty", "gto", "lrr");
  static final List<String> DEPENDENCE = List.of("control-bits", "scoreboard");
  static final List<String> STALL_DECAY = List.of("linear", "halving");
  static final List<String> PREFETCH_POLICIES = List.of("stream-buffer", "none");
  static final List<String> DRAM_TYPES = List.of("gddr6", "gddr6x", "hbm2", "hbm2e", "hbm3", "hbm3e");
  /** LowerMemory implementations by name (io.sassim.sim.memory.LowerMemories builds them). */
  static final List<String> LOWER_MEMORY_MODELS = List.of("hierarchy", "fixed");

  /** Config names double as file names and command-line arguments. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private static final Map<String, FieldRule> RULES = new HashMap<>();

  static {
    rule("name", (in, n, p) -> {
      String s = in.text(n, p);
      if (!NAME.matcher(s).matches()) {
        throw in.error(n, p, "must be lower-case letters, digits, '.', '_' or '-', got '" + s + "'");
      }
      return s;
    });
    rule("description", (in, n, p) -> in.text(n, p));
    rule("architecture", (in, n, p) -> {
      String s = in.text(n, p);
      Architecture a = Architecture.parse(s);
      if (a == null) {
        throw in.error(n, p, "unknown architecture '" + s + "' (expected one of sm_80, sm_86, "
            + "sm_89, sm_90, sm_90a)");
      }
      return a.smName();
    });
    rule("smCount", count(1, 1024));
    rule("clocks.coreMhz", real(1, 10_000));
    rule("clocks.memoryMhz", real(1, 100_000));

    rule("occupancy.subcores", count(1, 8));
    rule("occupancy.maxWarps", count(1, 256));
    rule("occupancy.maxThreads", count(32, 8192));
    rule("occupancy.maxBlocks", count(1, 256));
    rule("occupancy.registers", count(1, 1 << 20));
    rule("occupancy.registerAllocationUnit", powerOfTwo(1, 1 << 16));
    rule("occupancy.maxRegistersPerThread", count(1, 255)); // R255 is RZ
    rule("occupancy.sharedMemoryBytes", count(0, 1 << 22));
    rule("occupancy.sharedAllocationUnit", powerOfTwo(1, 1 << 16));
    rule("occupancy.reservedSharedPerBlock", count(0, 1 << 16));

    rule("frontEnd.fetchPerCycle", count(1, 8));
    rule("frontEnd.instructionBufferEntries", count(1, 64));
    for (String cache : List.of("frontEnd.l0Instruction", "frontEnd.l1Instruction")) {
      rule(cache + ".sets", powerOfTwo(1, 1 << 16));
      rule(cache + ".lineBytes", powerOfTwo(16, 4096)); // one SASS instruction is 16 bytes
      rule(cache + ".ways", count(1, 1024));
    }
    rule("frontEnd.l0ToL1Latency", count(0, 10_000));
    rule("frontEnd.l1ToL0Latency", count(0, 10_000));
    rule("frontEnd.l1RequestsPerCycle", count(1, 64));
    rule("frontEnd.l1MissLatency", count(0, 100_000));
    rule("frontEnd.l0FillInterval", count(0, 10_000));
    rule("frontEnd.prefetcher.policy", oneOf(PREFETCH_POLICIES));
    rule("frontEnd.prefetcher.streamBuffers", count(1, 64));
    rule("frontEnd.prefetcher.entries", count(0, 1024));
    rule("frontEnd.prefetcher.prefetchesPerCycle", count(1, 64));

    rule("issue.scheduler", oneOf(SCHEDULERS));
    rule("issue.dependence", oneOf(DEPENDENCE));
    rule("issue.stallCounterDecay", oneOf(STALL_DECAY));
    rule("issue.stallZeroYieldCycles", count(0, 10_000));
    rule("issue.issuePortBusyAfterImad", count(0, 64));
    rule("issue.scoreboardMaxConsumers", count(0, 1_000_000));

    rule("registerFile.banks", count(1, 32));
    rule("registerFile.readPortsPerBank", count(1, 32));
    rule("registerFile.writePortsPerBank", count(1, 32));
    rule("registerFile.readCycles", count(1, 32));
    rule("registerFile.wideReadCycles", count(1, 64));
    rule("registerFile.cacheSlots", count(1, 4)); // four reuse bits in the control field
    rule("registerFile.resultQueueEntries", count(1, 1024));
    rule("registerFile.loadReturnBitsPerCycle", powerOfTwo(32, 32 * 1024));

    rule("execution.units.*.latency", count(1, 10_000));
    rule("execution.units.*.initiationInterval", count(1, 10_000));
    rule("execution.predicateWriteLatency", count(0, 10_000));

    rule("memory.subcoreQueueEntries", count(1, 64));
    rule("memory.addressCycles", count(1, 64));
    rule("memory.uniformAddressCycles", count(1, 64));
    rule("memory.smIntakeInterval", count(1, 64));
    for (String kind : MemoryKinds.ALL) {
      for (String f : List.of("war32", "war64", "war128", "raw32", "raw64", "raw128")) {
        rule("memory." + kind + "." + f, count(0, 100_000));
      }
    }

    rule("l1Data.unifiedBytes", count(1024, 1 << 22));
    rule("l1Data.sharedCarveoutBytes", count(0, 1 << 22));
    rule("l1Data.sets", powerOfTwo(1, 1 << 16));
    rule("l1Data.lineBytes", powerOfTwo(32, 1024));
    rule("l1Data.sectorBytes", powerOfTwo(4, 1024));
    rule("l1Data.mshrEntries", count(1, 1 << 16));
    rule("l1Data.mshrMerges", count(1, 1024));
    rule("l1Data.tagLookupsPerCycle", count(1, 64));
    rule("l1Data.tagCycles", count(1, 1000));

    rule("sharedMemory.banks", powerOfTwo(1, 64));
    rule("sharedMemory.bankBytes", powerOfTwo(1, 64));
    rule("sharedMemory.ldsmExtraCycles", count(0, 1000));
    rule("sharedMemory.conflictWavefrontCycles", count(1, 1000));

    rule("constantCache.ldc.sets", powerOfTwo(1, 1 << 16));
    rule("constantCache.ldc.lineBytes", powerOfTwo(4, 4096));
    rule("constantCache.ldc.ways", count(1, 1024));
    rule("constantCache.missLatency", count(0, 100_000));

    rule("lowerMemory.model", oneOf(LOWER_MEMORY_MODELS));
    rule("lowerMemory.latency", count(1, 100_000));
    rule("lowerMemory.bytesPerCycle", count(1, 1 << 20));

    rule("launch.kernelLaunchCycles", count(0, 100_000_000));
    rule("launch.blockLaunchCycles", count(0, 1_000_000));
    rule("watchdog.stallCycles", count(100, 1_000_000_000_000L));

    rule("interconnect.latency", count(0, 10_000));
    rule("interconnect.smPortBytesPerCycle", real(1, 4096));
    rule("interconnect.slicePortBytesPerCycle", real(1, 4096));
    rule("l2.partitions", count(1, 2));
    rule("l2.slices", count(1, 1024));
    rule("l2.setsPerSlice", powerOfTwo(1, 1 << 16));
    rule("l2.ways", count(1, 64));
    rule("l2.hitLatency", count(1, 100_000));
    rule("l2.farHitLatency", count(1, 100_000));
    rule("l2.atomicCycles", count(1, 1_000));
    rule("dram.type", oneOf(DRAM_TYPES));
    rule("dram.peakGBps", real(1, 100_000));
    rule("dram.channels", count(1, 1024));
    rule("dram.banksPerChannel", count(1, 256));
    rule("dram.rowBytes", powerOfTwo(128, 1 << 16));
    rule("dram.activateNs", real(0, 1_000));
    rule("dram.prechargeNs", real(0, 1_000));
    rule("dram.casNs", real(0, 1_000));
    rule("dram.rowActiveNs", real(0, 1_000));
    rule("dram.activateIntervalNs", real(0, 1_000));
    rule("dram.latency", count(1, 100_000));
  }

  private ConfigRules() {}

  /** The memory-latency entries of {@link MemoryPipelineConfig}, in record order. */
  static final class MemoryKinds {
    static final List<String> ALL = Arrays.stream(MemoryPipelineConfig.class.getRecordComponents())
        .filter(rc -> rc.getType() == MemoryLatency.class)
        .map(RecordComponent::getName)
        .toList();

    private MemoryKinds() {}

    /** Stores write no register, so they have no RAW release. */
    static boolean isStore(String kind) {
      return kind.contains("Store");
    }

    static MemoryLatency of(MemoryPipelineConfig m, String kind) {
      try {
        return (MemoryLatency) MemoryPipelineConfig.class.getMethod(kind).invoke(m);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("no memory kind " + kind, e);
      }
    }
  }

  /** The rule of a scalar at {@code rulePath}, or null when the schema has none. */
  static FieldRule rule(String rulePath) {
    return RULES.get(rulePath);
  }

  /** The problem with {@code key} as a key of the map at {@code rulePath}, or null. */
  static String keyProblem(String rulePath, String key) {
    if (rulePath.equals("execution.units")) {
      for (UnitClass u : UnitClass.values()) {
        if (u.name().equals(key)) {
          return null;
        }
      }
      return "unknown unit class (expected one of " + List.of(UnitClass.values()) + ")";
    }
    return "no map is expected here";
  }

  /** Checks between fields, after each field passed its own rule. */
  static void check(GpuConfig c, ConfigBinder in) throws InputException {
    OccupancyConfig o = c.occupancy();
    if (o.maxWarps() % o.subcores() != 0) {
      throw in.errorAt("occupancy.maxWarps",
          "must be a multiple of occupancy.subcores (" + o.subcores() + "), got " + o.maxWarps());
    }
    if (o.maxThreads() % 32 != 0 || o.maxThreads() > o.maxWarps() * 32) {
      throw in.errorAt("occupancy.maxThreads", "must be a multiple of 32 and at most maxWarps x 32 = "
          + o.maxWarps() * 32 + ", got " + o.maxThreads());
    }
    if (o.registers() % o.registerAllocationUnit() != 0) {
      throw in.errorAt("occupancy.registers", "must be a multiple of registerAllocationUnit ("
          + o.registerAllocationUnit() + "), got " + o.registers());
    }
    if (o.sharedMemoryBytes() % o.sharedAllocationUnit() != 0) {
      throw in.errorAt("occupancy.sharedMemoryBytes", "must be a multiple of sharedAllocationUnit ("
          + o.sharedAllocationUnit() + "), got " + o.sharedMemoryBytes());
    }
    FrontEndConfig f = c.frontEnd();
    if (f.l0Instruction().lineBytes() != f.l1Instruction().lineBytes()) {
      throw in.errorAt("frontEnd.l0Instruction.lineBytes", "must equal "
          + "frontEnd.l1Instruction.lineBytes (" + f.l1Instruction().lineBytes()
          + "): L0 lines are filled whole from the L1, got " + f.l0Instruction().lineBytes());
    }
    RegisterFileConfig rf = c.registerFile();
    if (rf.wideReadCycles() < rf.readCycles()) {
      throw in.errorAt("registerFile.wideReadCycles",
          "must be at least readCycles (" + rf.readCycles() + "), got " + rf.wideReadCycles());
    }
    checkMemoryBelowL1(c, in);
    L1DataConfig l1 = c.l1Data();
    if (l1.sectorBytes() > l1.lineBytes() || l1.lineBytes() / l1.sectorBytes() > 32) {
      throw in.errorAt("l1Data.sectorBytes", "must divide l1Data.lineBytes (" + l1.lineBytes()
          + ") into 1 to 32 sectors, got " + l1.sectorBytes());
    }
    if (l1.sharedCarveoutBytes() > l1.unifiedBytes()) {
      throw in.errorAt("l1Data.sharedCarveoutBytes", "must be at most l1Data.unifiedBytes ("
          + l1.unifiedBytes() + "), got " + l1.sharedCarveoutBytes());
    }
    if (o.sharedMemoryBytes() > l1.unifiedBytes()) {
      throw in.errorAt("occupancy.sharedMemoryBytes", "must be at most l1Data.unifiedBytes ("
          + l1.unifiedBytes() + "): shared memory is carved out of the L1, got "
          + o.sharedMemoryBytes());
    }
    long lineSet = (long) l1.sets() * l1.lineBytes();
    if (l1.cacheBytes(o.sharedMemoryBytes()) < lineSet) {
      throw in.errorAt("l1Data.sets", "l1Data.sets x lineBytes (" + lineSet + ") must leave the"
          + " L1 at least one way at the largest carveout (occupancy.sharedMemoryBytes), which"
          + " leaves " + l1.cacheBytes(o.sharedMemoryBytes()) + " bytes");
    }
    if (l1.tagCycles() >= c.memory().globalLoadRegular().raw32()
        - c.memory().globalLoadRegular().war32()) {
      throw in.errorAt("l1Data.tagCycles", "must be below the hit latency after the intake"
          + " (memory.globalLoadRegular raw32 - war32), got " + l1.tagCycles());
    }
    for (String kind : MemoryKinds.ALL) {
      MemoryLatency l = MemoryKinds.of(c.memory(), kind);
      int[] war = {l.war32(), l.war64(), l.war128()};
      int[] raw = {l.raw32(), l.raw64(), l.raw128()};
      String[] width = {"32", "64", "128"};
      for (int w = 0; w < 3; w++) {
        String path = "memory." + kind + ".raw" + width[w];
        if (MemoryKinds.isStore(kind)) {
          if (raw[w] != 0) {
            throw in.errorAt(path, "must be 0: a store writes no register, got " + raw[w]);
          }
        } else if (raw[w] < war[w]) {
          throw in.errorAt(path, "must be at least war" + width[w] + " (" + war[w]
              + "): the result cannot be written before the sources are read, got " + raw[w]);
        }
      }
    }
  }

  /** The latencies of the lower memory must leave room for the paths they are made of. */
  private static void checkMemoryBelowL1(GpuConfig c, ConfigBinder in) throws InputException {
    L2Config l2 = c.l2();
    DramConfig d = c.dram();
    if (l2.slices() % l2.partitions() != 0) {
      throw in.errorAt("l2.slices", "must be a multiple of l2.partitions (" + l2.partitions()
          + "), got " + l2.slices());
    }
    int twoHops = 2 * c.interconnect().latency();
    if (l2.hitLatency() < twoHops) {
      throw in.errorAt("l2.hitLatency", "must be at least twice interconnect.latency ("
          + twoHops + "): a hit crosses the interconnect both ways, got " + l2.hitLatency());
    }
    if (l2.farHitLatency() < l2.hitLatency()
        || (l2.partitions() == 1 && l2.farHitLatency() != l2.hitLatency())) {
      throw in.errorAt("l2.farHitLatency", (l2.partitions() == 1
          ? "must equal l2.hitLatency (" + l2.hitLatency() + ") with one partition"
          : "must be at least l2.hitLatency (" + l2.hitLatency() + ")")
          + ", got " + l2.farHitLatency());
    }
    double bankCycles = (d.prechargeNs() + d.activateNs() + d.casNs())
        * c.clocks().coreMhz() / 1000.0;
    if (d.latency() < l2.hitLatency() + Math.ceil(bankCycles)) {
      throw in.errorAt("dram.latency", "must be at least l2.hitLatency plus precharge, activate "
          + "and CAS in core cycles (" + (l2.hitLatency() + (long) Math.ceil(bankCycles))
          + "), got " + d.latency());
    }
  }

  private static void rule(String path, FieldRule r) {
    RULES.put(path, r);
  }

  private static FieldRule count(long min, long max) {
    return (in, n, p) -> in.integer(n, p, min, max);
  }

  private static FieldRule powerOfTwo(long min, long max) {
    return (in, n, p) -> {
      long v = in.integer(n, p, min, max);
      if (Long.bitCount(v) != 1) {
        throw in.error(n, p, "must be a power of two, got " + v);
      }
      return v;
    };
  }

  private static FieldRule real(double min, double max) {
    return (in, n, p) -> {
      double v = in.real(n, p);
      if (!(v >= min && v <= max)) {
        throw in.error(n, p, "must be in " + plain(min) + ".." + plain(max) + ", got " + plain(v));
      }
      return v;
    };
  }

  private static FieldRule oneOf(List<String> words) {
    return (in, n, p) -> {
      String s = in.text(n, p);
      if (!words.contains(s)) {
        throw in.error(n, p, "must be one of " + String.join(", ", words) + ", got '" + s + "'");
      }
      return s;
    };
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
