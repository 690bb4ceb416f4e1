package io.sassim.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inheritance, overrides and every kind of error, on config files written to a temp folder. The
 * complete base they extend is the committed RTX A6000 config as {@link GpuConfigLoader#toYaml}
 * writes it, so each case changes one thing in a realistic file.
 */
class GpuConfigLoaderTest {

  @TempDir Path dir;

  private GpuConfig a6000;
  private String full;

  @BeforeEach
  void setUp() throws Exception {
    a6000 = GpuConfigLoader.byName("rtx-a6000", CommittedConfigsTest.CONFIGS);
    full = GpuConfigLoader.toYaml(a6000);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** 1-based line of the first line of {@code text} that contains {@code needle}. */
  private static int lineOf(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + needle);
  }

  private static String message(Path file, Map<String, ?> overrides) {
    return assertThrows(InputException.class, () -> GpuConfigLoader.load(file, overrides))
        .getMessage();
  }

  private static String message(Path file) {
    return message(file, Map.of());
  }

  @Test
  void threeLevelsMergeDeeplyAndTheChildWins() throws Exception {
    write("base/all.yaml", full);
    write("base/mid.yaml", """
        extends: all.yaml
        smCount: 10
        execution:
          units:
            SFU: {latency: 9, initiationInterval: 9}
        """);
    Path child = write("gpus/child.yaml", """
        extends: ../base/mid.yaml
        name: child
        clocks:
          coreMhz: 1000
        execution:
          units:
            FP64: {latency: 30, initiationInterval: 30}
        """);
    GpuConfig c = GpuConfigLoader.load(child);
    assertEquals("child", c.name());
    assertEquals(10, c.smCount()); // from mid
    assertEquals(1000.0, c.clocks().coreMhz()); // from the child
    assertEquals(a6000.clocks().memoryMhz(), c.clocks().memoryMhz()); // only in the base
    assertEquals(new UnitTiming(9, 9), c.execution().units().get("SFU")); // mid over base
    assertEquals(new UnitTiming(30, 30), c.execution().units().get("FP64")); // child over base
    assertEquals(a6000.execution().units().get("INT"), c.execution().units().get("INT"));
    assertEquals(a6000.execution().units().size(), c.execution().units().size());
    assertEquals(a6000.memory(), c.memory());
    assertEquals(List.of(child, dir.resolve("gpus/../base/mid.yaml").normalize(),
        dir.resolve("base/all.yaml")), ConfigTree.read(child).files());
  }

  @Test
  void unknownKeyNamesTheFileAndLine() throws Exception {
    write("base.yaml", full);
    Path child = write("child.yaml", """
        extends: base.yaml
        frontEnd:
          prefetcher:
            entrys: 4
        """);
    assertEquals(child + ":4: frontEnd.prefetcher.entrys: unknown key (expected one of entries, "
        + "policy, prefetchesPerCycle, streamBuffers)", message(child));
  }

  @Test
  void wrongTypeNamesTheFileAndLine() throws Exception {
    write("base.yaml", full);
    Path child = write("child.yaml", "extends: base.yaml\n\nsmCount: many\n");
    assertEquals(child + ":3: smCount: expected an integer, got text 'many'", message(child));
    Path flag = write("flag.yaml", "extends: base.yaml\nregisterFile: {cacheEnabled: 1}\n");
    assertEquals(flag + ":2: registerFile.cacheEnabled: expected true or false, got an integer",
        message(flag));
    Path list = write("list.yaml", "extends: base.yaml\nclocks: [1, 2]\n");
    assertEquals(list + ":2: clocks: expected a mapping, got a list", message(list));
  }

  /** A bad value inherited from a base file is reported in the base file, at its line. */
  @Test
  void outOfRangeInTheBaseNamesTheBase() throws Exception {
    String bad = full.replace("subcores: 4", "subcores: 0");
    Path base = write("base.yaml", bad);
    Path child = write("child.yaml", "extends: base.yaml\nname: child\n");
    assertEquals(base + ":" + lineOf(bad, "subcores:")
        + ": occupancy.subcores: must be in 1..8, got 0", message(child));
  }

  @Test
  void rangesPowersOfTwoAndWords() throws Exception {
    write("base.yaml", full);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("frontEnd: {l0Instruction: {sets: 6}}",
        "frontEnd.l0Instruction.sets: must be a power of two, got 6");
    cases.put("issue: {scheduler: fifo}",
        "issue.scheduler: must be one of cggty, gto, lrr, got 'fifo'");
    cases.put("issue: {dependence: magic}",
        "issue.dependence: must be one of control-bits, scoreboard, got 'magic'");
    cases.put("issue: {stallCounterDecay: exponential}",
        "issue.stallCounterDecay: must be one of linear, halving, got 'exponential'");
    cases.put("frontEnd: {prefetcher: {policy: markov}}",
        "frontEnd.prefetcher.policy: must be one of stream-buffer, none, got 'markov'");
    cases.put("architecture: sm_75",
        "architecture: unknown architecture 'sm_75' (expected one of sm_80, sm_86, sm_89, sm_90, "
            + "sm_90a)");
    cases.put("clocks: {coreMhz: -5}", "clocks.coreMhz: must be in 1..10000, got -5");
    cases.put("execution: {units: {FP16: {latency: 3, initiationInterval: 2}}}",
        "execution.units.FP16: unknown unit class (expected one of [FP32, INT, HALF, UNIFORM, "
            + "TENSOR, BRANCH, MISC, MISC_QUEUED, SFU, MEMORY, FP64])");
    cases.put("execution: {units: {SFU: {latency: 0, initiationInterval: 8}}}",
        "execution.units.SFU.latency: must be in 1..10000, got 0");
    cases.put("name: RTX_A6000",
        "name: must be lower-case letters, digits, '.', '_' or '-', got 'RTX_A6000'");
    cases.put("registerFile: {loadReturnBitsPerCycle: 500}",
        "registerFile.loadReturnBitsPerCycle: must be a power of two, got 500");
    cases.put("dram: {type: ddr4}",
        "dram.type: must be one of gddr6, gddr6x, hbm2, hbm2e, hbm3, hbm3e, got 'ddr4'");
    cases.put("l2: {setsPerSlice: 48}", "l2.setsPerSlice: must be a power of two, got 48");
    cases.put("interconnect: {smPortBytesPerCycle: 0.5}",
        "interconnect.smPortBytesPerCycle: must be in 1..4096, got 0.5");
    int i = 0;
    for (Map.Entry<String, String> e : cases.entrySet()) {
      Path child = write("case" + i++ + ".yaml", "extends: base.yaml\n" + e.getKey() + "\n");
      assertEquals(child + ":2: " + e.getValue(), message(child), e.getKey());
    }
  }

  @Test
  void fieldsThatMustAgree() throws Exception {
    write("base.yaml", full);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("occupancy: {maxWarps: 50}",
        "occupancy.maxWarps: must be a multiple of occupancy.subcores (4), got 50");
    cases.put("occupancy: {maxThreads: 2048}",
        "occupancy.maxThreads: must be a multiple of 32 and at most maxWarps x 32 = 1536, got 2048");
    cases.put("memory: {globalStoreRegular: {raw64: 5}}",
        "memory.globalStoreRegular.raw64: must be 0: a store writes no register, got 5");
    cases.put("memory: {sharedLoadUniform: {raw128: 3}}",
        "memory.sharedLoadUniform.raw128: must be at least war128 (9): the result cannot be "
            + "written before the sources are read, got 3");
    cases.put("registerFile: {wideReadCycles: 2}",
        "registerFile.wideReadCycles: must be at least readCycles (3), got 2");
    cases.put("frontEnd: {l0Instruction: {lineBytes: 64}}",
        "frontEnd.l0Instruction.lineBytes: must equal frontEnd.l1Instruction.lineBytes (128): "
            + "L0 lines are filled whole from the L1, got 64");
    cases.put("l2: {partitions: 2, slices: 47}",
        "l2.slices: must be a multiple of l2.partitions (2), got 47");
    cases.put("l2: {hitLatency: 30}", "l2.hitLatency: must be at least twice "
        + "interconnect.latency (40): a hit crosses the interconnect both ways, got 30");
    cases.put("l2: {farHitLatency: 200}",
        "l2.farHitLatency: must equal l2.hitLatency (178) with one partition, got 200");
    cases.put("l2: {partitions: 2, farHitLatency: 100}",
        "l2.farHitLatency: must be at least l2.hitLatency (178), got 100");
    cases.put("dram: {latency: 200}", "dram.latency: must be at least l2.hitLatency plus "
        + "precharge, activate and CAS in core cycles (252), got 200");
    int i = 0;
    for (Map.Entry<String, String> e : cases.entrySet()) {
      Path child = write("agree" + i++ + ".yaml", "extends: base.yaml\n" + e.getKey() + "\n");
      assertEquals(child + ":2: " + e.getValue(), message(child), e.getKey());
    }
  }

  @Test
  void missingFieldAfterMergingNamesTheLoadedFile() throws Exception {
    String noWatchdog = full.substring(0, full.indexOf("watchdog:"));
    write("base.yaml", noWatchdog);
    Path child = write("child.yaml", "# a GPU without a watchdog\nextends: base.yaml\n");
    assertEquals(child + ":2: watchdog: missing (required)", message(child));
    String noEntries = full.replaceAll("\n +entries: 8", "");
    Path base2 = write("base2.yaml", noEntries);
    assertEquals(base2 + ":" + lineOf(noEntries, "prefetcher:")
        + ": frontEnd.prefetcher.entries: missing (required)", message(base2));
  }

  @Test
  void missingExtendsTarget() throws Exception {
    Path child = write("child.yaml", "name: x\nextends: ../base/nope.yaml\n");
    assertEquals(child + ":2: extends: no such file '../base/nope.yaml' (looked for "
        + dir.resolve("../base/nope.yaml").normalize() + ")", message(child));
    Path number = write("number.yaml", "extends: 3\n");
    assertEquals(number + ":1: extends: expected the relative path of a base file, got an integer",
        message(number));
  }

  @Test
  void extendsCycle() throws Exception {
    Path a = write("a.yaml", "extends: b.yaml\nsmCount: 1\n");
    Path b = write("b.yaml", "smCount: 2\nextends: a.yaml\n");
    assertEquals(b + ":2: extends: cycle a.yaml -> b.yaml -> a.yaml", message(a));
    Path self = write("self.yaml", "extends: self.yaml\n");
    assertEquals(self + ":1: extends: cycle self.yaml -> self.yaml", message(self));
  }

  @Test
  void notYamlOrNotAMapping() throws Exception {
    Path text = write("text.yaml", "just words\n");
    assertEquals(text + ":1: document: expected a mapping, got text 'just words'", message(text));
    Path broken = write("broken.yaml", "smCount: [1,\n");
    String m = message(broken);
    assertTrue(m.startsWith(broken + ":"), m);
    assertTrue(m.contains("not valid YAML"), m);
    Path dup = write("dup.yaml", "smCount: 1\nsmCount: 2\n");
    assertEquals(dup + ":2: duplicate key 'smCount'", message(dup));
  }

  @Test
  void overridesApplyBeforeChecking() throws Exception {
    Path file = CommittedConfigsTest.fileOf("rtx-a6000");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("frontEnd.prefetcher.entries", 16);
    o.put("issue.scheduler", "gto");
    o.put("clocks.coreMhz", "1500"); // strings read as YAML scalars, as from a command line
    o.put("registerFile.cacheEnabled", "false");
    o.put("watchdog.stallCycles", 123_456L);
    o.put("execution.units.TENSOR", Map.of("latency", 32, "initiationInterval", 16));
    GpuConfig c = GpuConfigLoader.load(file, o);
    assertEquals(16, c.frontEnd().prefetcher().entries());
    assertEquals("gto", c.issue().scheduler());
    assertEquals(1500.0, c.clocks().coreMhz());
    assertEquals(false, c.registerFile().cacheEnabled());
    assertEquals(123_456L, c.watchdog().stallCycles());
    assertEquals(new UnitTiming(32, 16), c.execution().units().get("TENSOR"));
    assertEquals(a6000.execution().units().get("SFU"), c.execution().units().get("SFU"));
    assertEquals(a6000.memory(), c.memory());
    assertNotEquals(a6000, c);
    // A resolved config with overrides round-trips too.
    Path out = write("swept.yaml", GpuConfigLoader.toYaml(c));
    assertEquals(c, GpuConfigLoader.load(out));
  }

  @Test
  void badOverrides() throws Exception {
    Path file = CommittedConfigsTest.fileOf("rtx-a6000");
    assertEquals("override: frontEnd.prefetcher.entrys: unknown key (expected one of entries, "
        + "policy, prefetchesPerCycle, streamBuffers)",
        message(file, Map.of("frontEnd.prefetcher.entrys", 4)));
    assertEquals("override: smCount: expected an integer, got text 'many'",
        message(file, Map.of("smCount", "many")));
    assertEquals("override: smCount.x: smCount is an integer, not a mapping with fields",
        message(file, Map.of("smCount.x", 1)));
    assertEquals("override: bogus: unknown key (expected one of architecture, clocks, "
        + "constantCache, description, dram, execution, frontEnd, interconnect, issue, l1Data, l2, "
        + "launch, lowerMemory, memory, name, occupancy, registerFile, sharedMemory, smCount, "
        + "watchdog)", message(file, Map.of("bogus.deep", 1)));
    assertEquals("override: occupancy.subcores: must be in 1..8, got 9",
        message(file, Map.of("occupancy.subcores", 9)));
    assertEquals("override: issue..scheduler: not a dotted field path",
        message(file, Map.of("issue..scheduler", "gto")));
  }

  @Test
  void namesAndByName() throws Exception {
    Path configs = dir.resolve("configs");
    write("configs/base/arch.yaml", full);
    write("configs/x/gpu-one.yaml", "extends: ../base/arch.yaml\nname: gpu-one\n");
    write("configs/y/gpu-two.yaml", "extends: ../base/arch.yaml\nname: gpu-two\nsmCount: 2\n");
    assertEquals(List.of("gpu-one", "gpu-two"), GpuConfigLoader.names(configs));
    assertEquals(2, GpuConfigLoader.byName("gpu-two", configs).smCount());
    InputException e = assertThrows(InputException.class,
        () -> GpuConfigLoader.byName("gpu-three", configs));
    assertEquals(configs + ": no GPU config named 'gpu-three' (known: gpu-one, gpu-two; or give "
        + "a .yaml file)", e.getMessage());
    write("configs/z/gpu-two.yaml", "extends: ../base/arch.yaml\nname: gpu-two\n");
    e = assertThrows(InputException.class, () -> GpuConfigLoader.byName("gpu-two", configs));
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    Path missing = dir.resolve("nowhere.yaml");
    e = assertThrows(InputException.class,
        () -> GpuConfigLoader.byName(missing.toString(), configs));
    assertEquals(missing + ": cannot read: no such file", e.getMessage());
  }
}
