package io.sassim.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.arch.Architecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU configs committed in {@code configs/}: they load, and carry the values they cite. */
class CommittedConfigsTest {

  static final Path CONFIGS = Path.of(System.getProperty("sassim.repoRoot", ".."))
      .toAbsolutePath().normalize().resolve("configs");

  static final List<String> GPUS =
      List.of("a100", "h100-sxm", "h200", "h800-pcie", "rtx-3090", "rtx-4090", "rtx-a6000");

  @TempDir Path tmp;

  private static GpuConfig gpu(String name) throws Exception {
    return GpuConfigLoader.byName(name, CONFIGS);
  }

  @Test
  void exactlyTheIssuesGpusAreThere() throws Exception {
    assertEquals(GPUS, GpuConfigLoader.names(CONFIGS));
  }

  /** Every GPU loads and validates, is named after its file, and every file in configs/ is used. */
  @Test
  void everyFileLoadsOrIsABaseOfOneThatDoes() throws Exception {
    Set<Path> used = new HashSet<>();
    for (String name : GPUS) {
      GpuConfig c = gpu(name);
      assertEquals(name, c.name());
      assertFalse(c.description().isBlank());
      for (Path p : ConfigTree.read(fileOf(name)).files()) {
        used.add(p.toRealPath());
      }
    }
    try (Stream<Path> s = Files.walk(CONFIGS)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        assertTrue(p.toString().endsWith(".yaml"), "not a config: " + p);
        assertTrue(used.contains(p.toRealPath()), p + " is neither a GPU nor extended by one");
      }
    }
  }

  @Test
  void architectureMatchesTheFolder() throws Exception {
    Map<String, Set<Architecture>> byFolder = Map.of(
        "ampere", Set.of(Architecture.SM_80, Architecture.SM_86),
        "ada", Set.of(Architecture.SM_89),
        "hopper", Set.of(Architecture.SM_90));
    for (String name : GPUS) {
      String folder = fileOf(name).getParent().getFileName().toString();
      Architecture a = Architecture.parse(gpu(name).architecture());
      assertTrue(byFolder.get(folder).contains(a), name + " is " + a + " in " + folder);
    }
  }

  /** The paper's baseline: GA102 at 1800 MHz with the core parameters of model-facts 2 to 6. */
  @Test
  void rtxA6000IsThePapersBaseline() throws Exception {
    GpuConfig c = gpu("rtx-a6000");
    assertEquals("sm_86", c.architecture());
    assertEquals(84, c.smCount());
    assertEquals(1800.0, c.clocks().coreMhz());
    assertEquals(new PrefetcherConfig("stream-buffer", 1, 8, 1), c.frontEnd().prefetcher());
    assertEquals(new CacheGeometry(8, 128, 32), c.frontEnd().l0Instruction());
    assertEquals(32 * 1024, c.frontEnd().l0Instruction().capacityBytes());
    assertEquals(128 * 1024, c.frontEnd().l1Instruction().capacityBytes());
    assertEquals(3, c.frontEnd().instructionBufferEntries());
    assertEquals(new IssueConfig("cggty", "control-bits", "linear", 45, 1, 0), c.issue());
    assertEquals(new RegisterFileConfig(2, 1, 1, 3, 6, true, 3, false, 8, 512), c.registerFile());
    assertEquals(48, c.occupancy().maxWarps());
    assertEquals(16, c.occupancy().maxBlocks());
    assertTrue(c.execution().fp64SharedPerSm());
    assertTrue(c.execution().fp32InIntPipe());
    assertEquals(new UnitTiming(24, 16), c.execution().units().get("FP64"));
    assertEquals(1500, c.launch().kernelLaunchCycles());
    MemoryPipelineConfig m = c.memory();
    assertEquals(4, m.subcoreQueueEntries());
    assertEquals(2, m.smIntakeInterval());
    // Table 2: a 128-bit global load with a regular address releases WAR at 11 and RAW at 38.
    assertEquals(11, m.globalLoadRegular().war(16));
    assertEquals(38, m.globalLoadRegular().raw(16));
    assertEquals(34, m.globalLoadRegular().raw(8));
    assertEquals(20, m.globalStoreRegular().war(16));
    assertEquals(0, m.globalStoreRegular().raw(4));
    assertEquals(new MemoryLatency(13, 13, 13, 39, 39, 39), m.asyncCopy());
    assertEquals(new InterconnectConfig(20, 64, 64), c.interconnect());
    assertEquals(6L << 20, c.l2().capacityBytes());
    assertEquals(new DramConfig("gddr6", 768, 24, 16, 2048, 13.7, 13.7, 13.7, 31.4, 6.9, 421),
        c.dram());
  }

  @Test
  void rtx3090DiffersOnlyInSizeClocksAndL2() throws Exception {
    GpuConfig a6000 = gpu("rtx-a6000");
    GpuConfig c = gpu("rtx-3090");
    assertEquals(82, c.smCount());
    assertEquals(1395.0, c.clocks().coreMhz());
    assertEquals(201, c.frontEnd().l1MissLatency());
    assertEquals(a6000.occupancy(), c.occupancy());
    assertEquals(a6000.issue(), c.issue());
    assertEquals(a6000.execution(), c.execution());
    assertEquals(a6000.memory(), c.memory());
    assertEquals(a6000.l2().capacityBytes(), c.l2().capacityBytes());
    assertEquals(168, c.l2().hitLatency());
    assertEquals("gddr6x", c.dram().type());
    assertEquals(936.0, c.dram().peakGBps());
  }

  /** GA100: a per-sub-core FP64 pipe and no FP32 in the INT lanes; SFU still from the base. */
  @Test
  void a100IsGa100() throws Exception {
    GpuConfig c = gpu("a100");
    assertEquals("sm_80", c.architecture());
    assertEquals(108, c.smCount());
    assertEquals(64, c.occupancy().maxWarps());
    assertEquals(2048, c.occupancy().maxThreads());
    assertEquals(32, c.occupancy().maxBlocks());
    assertEquals(164 * 1024, c.occupancy().sharedMemoryBytes());
    // L1 hits from the published 64-bit pointer chase on the A100 (groundtruth 2.1).
    assertEquals(new MemoryLatency(11, 11, 11, 29, 31, 35), c.memory().globalLoadRegular());
    assertEquals(new UnitTiming(24, 4), c.execution().units().get("FP64"));
    assertEquals(new UnitTiming(8, 8), c.execution().units().get("SFU"));
    assertFalse(c.execution().fp64SharedPerSm());
    assertFalse(c.execution().fp32InIntPipe());
    // 40 MB in 80 slices of 512 KB over two partitions; groundtruth 2.1 less a 33-cycle L1 path
    assertEquals(new L2Config(2, 80, 256, 16, 170, 373, 2), c.l2());
    assertEquals(40L << 20, c.l2().capacityBytes());
    assertEquals(533, c.dram().latency());
    assertEquals(1555.0, c.dram().peakGBps());
  }

  @Test
  void rtx4090IsAda() throws Exception {
    GpuConfig c = gpu("rtx-4090");
    assertEquals("sm_89", c.architecture());
    assertEquals(128, c.smCount());
    assertEquals(48, c.occupancy().maxWarps());
    assertEquals(24, c.occupancy().maxBlocks());
    assertEquals(100 * 1024, c.occupancy().sharedMemoryBytes());
    assertTrue(c.execution().fp64SharedPerSm());
    assertEquals(5250.5, c.clocks().memoryMhz());
    assertEquals(72L << 20, c.l2().capacityBytes());
    assertEquals(1, c.l2().partitions());
    assertEquals(new DramConfig("gddr6x", 1008, 24, 16, 2048, 13.7, 13.7, 13.7, 31.2, 6.9, 536),
        c.dram());
  }

  @Test
  void hopperGpus() throws Exception {
    GpuConfig h100 = gpu("h100-sxm");
    assertEquals("sm_90", h100.architecture());
    assertEquals(132, h100.smCount());
    assertEquals(64, h100.occupancy().maxWarps());
    assertEquals(2048, h100.occupancy().maxThreads());
    assertEquals(228 * 1024, h100.occupancy().sharedMemoryBytes());
    assertEquals(1980.0, h100.clocks().coreMhz());
    assertFalse(h100.execution().fp64SharedPerSm());
    assertEquals(new UnitTiming(24, 2), h100.execution().units().get("FP64"));
    assertEquals(new UnitTiming(2, 1), h100.execution().units().get("FP32"));
    // Inherited unchanged from the Ampere model.
    assertEquals(new UnitTiming(2, 2), h100.execution().units().get("INT"));
    // The memory pipeline is Ampere's, except the L1 hit latencies, which come from the
    // published 64-bit pointer chase on the H800 (groundtruth 1.1).
    MemoryPipelineConfig ampere = gpu("rtx-a6000").memory();
    assertEquals(new MemoryLatency(11, 11, 11, 28, 30, 34), gpu("h800-pcie").memory().globalLoadRegular());
    // The H100 and H200 take theirs from our own 64-bit chase on each (32.9 and 33.0 a hop).
    assertEquals(new MemoryLatency(11, 11, 11, 29, 31, 35), h100.memory().globalLoadRegular());
    assertEquals(ampere.globalLoadUniform(), h100.memory().globalLoadUniform());
    // Our H200 capture: shared loads one cycle faster, an intake per cycle, conflict
    // wavefronts at 2 cycles, a 20-entry stream buffer (base/hopper.yaml).
    assertEquals(new MemoryLatency(9, 9, 9, 23, 23, 25), h100.memory().sharedLoadRegular());
    assertEquals(1, h100.memory().smIntakeInterval());
    assertEquals(2, ampere.smIntakeInterval());
    assertEquals(2, h100.sharedMemory().conflictWavefrontCycles());
    assertEquals(1, gpu("rtx-a6000").sharedMemory().conflictWavefrontCycles());
    assertEquals(20, h100.frontEnd().prefetcher().entries());
    // Four warps on one sub-core share its issue evenly on the H200 and the H100.
    assertEquals("lrr", h100.issue().scheduler());
    assertTrue(h100.registerFile().cachePerWarp(), "stall_yield: warps keep their reused operands");
    assertEquals("cggty", gpu("rtx-a6000").issue().scheduler());
    assertEquals(ampere.asyncCopy(), h100.memory().asyncCopy());

    // Our H100 capture's chases: the same L2 and DRAM latencies as the H200's.
    assertEquals(new L2Config(2, 80, 256, 20, 243, 470, 2), h100.l2());
    assertEquals(647, h100.dram().latency());
    assertEquals(50L << 20, h100.l2().capacityBytes());
    assertEquals("hbm3", h100.dram().type());
    assertEquals(3352.0, h100.dram().peakGBps());

    GpuConfig h800 = gpu("h800-pcie");
    assertEquals(114, h800.smCount());
    // groundtruth 1.1 less the 32-cycle L1 path: near 264.5, far 463-499, DRAM 656.8
    assertEquals(232, h800.l2().hitLatency());
    assertEquals(449, h800.l2().farHitLatency());
    assertEquals(625, h800.dram().latency());
    assertEquals(h100.l2().capacityBytes(), h800.l2().capacityBytes());
    assertEquals(1755.0, h800.clocks().coreMhz());
    assertEquals(h100.occupancy(), h800.occupancy());
    assertEquals(h100.execution(), h800.execution());

    // The H200: the H100's chip with a 60 MB L2 and HBM3e, latencies from our own capture.
    GpuConfig h200 = gpu("h200");
    assertEquals(132, h200.smCount());
    assertEquals(h100.execution(), h200.execution());
    assertEquals(h100.occupancy(), h200.occupancy());
    assertEquals(60L << 20, h200.l2().capacityBytes());
    assertEquals(243, h200.l2().hitLatency());
    assertEquals(652, h200.dram().latency());
    assertEquals("hbm3e", h200.dram().type());
    assertEquals(4800.0, h200.dram().peakGBps());
    assertEquals(new MemoryLatency(11, 11, 11, 29, 31, 35), h200.memory().globalLoadRegular());
    // Every GH100 launch costs what the H200 capture's kernels say (base/hopper.yaml).
    // The H100 capture's kernels ask for about 930 cycles more per launch than the H200's.
    assertEquals(4075, h100.launch().kernelLaunchCycles());
    for (GpuConfig g : List.of(h800, h200)) {
      assertEquals(3145, g.launch().kernelLaunchCycles(), g.name());
      assertEquals(gpu("rtx-a6000").launch().blockLaunchCycles(), g.launch().blockLaunchCycles());
    }
  }

  /**
   * Every value in configs/ says where it comes from: a comment on its line, a comment block
   * directly above it (up to the next blank line), or a commented parent mapping. Only the
   * identity fields (name, description) and extends need none.
   */
  @Test
  void everyValueCitesItsSource() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(CONFIGS)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      int blockIndent = -1; // indentation a comment block covers, -1 when none
      int coveredParent = Integer.MAX_VALUE; // children deeper than this are covered
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String trimmed = line.strip();
        int indent = line.length() - line.stripLeading().length();
        if (trimmed.isEmpty()) {
          blockIndent = -1;
          continue;
        }
        if (indent <= coveredParent) {
          coveredParent = Integer.MAX_VALUE;
        }
        if (trimmed.startsWith("#")) {
          blockIndent = indent;
          continue;
        }
        boolean commented = trimmed.contains("#") || indent == blockIndent
            || indent > coveredParent;
        String key = trimmed.substring(0, Math.max(0, trimmed.indexOf(':')));
        int hash = trimmed.indexOf(" #");
        boolean parent = (hash < 0 ? trimmed : trimmed.substring(0, hash)).strip().endsWith(":");
        if (parent) {
          if (commented) {
            coveredParent = Math.min(coveredParent, indent);
          }
          continue;
        }
        if (!List.of("name", "description", "extends").contains(key)) {
          assertTrue(commented, f + ":" + (i + 1) + ": no source comment for '" + trimmed + "'");
        }
      }
    }
  }

  /** load(toYaml(x)) equals x for every committed GPU. */
  @Test
  void toYamlRoundTrips() throws Exception {
    for (String name : GPUS) {
      GpuConfig c = gpu(name);
      Path out = tmp.resolve(name + ".yaml");
      Files.writeString(out, GpuConfigLoader.toYaml(c));
      assertEquals(c, GpuConfigLoader.load(out), name);
    }
  }

  @Test
  void byPathLoadsTheSameConfigAsByName() throws Exception {
    Path file = fileOf("h100-sxm");
    assertEquals(gpu("h100-sxm"), GpuConfigLoader.byName(file.toString(), CONFIGS));
  }

  @Test
  void defaultConfigsDirFollowsTheRepoRoot() throws IOException {
    assertEquals(CONFIGS.toRealPath(), GpuConfigLoader.defaultConfigsDir().toRealPath());
  }

  static Path fileOf(String name) throws IOException {
    try (Stream<Path> s = Files.walk(CONFIGS)) {
      return s.filter(p -> p.getFileName().toString().equals(name + ".yaml")).findFirst()
          .orElseThrow();
    }
  }
}
