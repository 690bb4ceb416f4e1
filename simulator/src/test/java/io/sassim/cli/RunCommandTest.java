package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sassim.isa.sass.Kernel;
import io.sassim.sim.core.StallReason;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.fixtures.SgemmTiledTrace;
import io.sassim.sim.fixtures.TraceFilesOnDisk;
import io.sassim.sim.stats.StallKeys;
import io.sassim.sim.stats.Stat;
import io.sassim.sim.stats.StatCatalogue;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.fixtures.MemoryKernelTrace;
import io.sassim.traces.fixtures.MemoryTraceSource;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINE = Pattern.compile("^(\\w+) = (.*)$", Pattern.MULTILINE);

  @TempDir static Path shared;
  @TempDir Path tmp;

  /** The corpus tiled SGEMM, one launch. */
  private static Path sgemm;
  private static long sgemmWarpInstructions;

  @BeforeAll
  static void writeTraces() throws Exception {
    sgemm = TraceFilesOnDisk.writeNative(
        new MemoryTraceSource("sgemm").kernel("kernel-1", SgemmTiledTrace::kernelUnchecked),
        shared.resolve("sgemm.sstrace"));
    sgemmWarpInstructions = (long) SgemmTiledTrace.warpStream().size()
        * SgemmTiledTrace.WARPS_PER_BLOCK * 64;
  }

  /** Dependent FFMAs of the alu_latency microbenchmark, 4 warps in each of {@code blocks} blocks. */
  private static Supplier<KernelTrace> ffmaChain(int blocks, boolean control) {
    return () -> {
      try {
        Kernel k = ListingKernels.kernel("alu_latency", "alu_latency", "sm_86");
        return ListingKernels.straightLine(k, 0x310, 0x500, 4, blocks, control);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** The {@code key = value} lines of Accel-Sim-style output, each key's values in order. */
  private static Map<String, List<String>> lines(String out) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    Matcher matcher = LINE.matcher(out);
    while (matcher.find()) {
      m.computeIfAbsent(matcher.group(1), k -> new ArrayList<>()).add(matcher.group(2).strip());
    }
    return m;
  }

  private static long first(Map<String, List<String>> lines, String key) {
    assertTrue(lines.containsKey(key), "no line " + key);
    return Long.parseLong(lines.get(key).get(0));
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void sgemmPrintsAccelSimLinesThatAgreeWithTheJson() {
    Path out = tmp.resolve("sgemm.json");
    CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", sgemm.toString(), "--json", out.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, List<String>> l = lines(r.out());
    long cycles = first(l, "gpu_sim_cycle");
    long insn = first(l, "gpu_sim_insn");
    // Every lane of every warp is active, so thread instructions are 32 per warp instruction.
    assertEquals(sgemmWarpInstructions * 32, insn);
    assertEquals(sgemmWarpInstructions, first(l, "gpgpu_n_tot_w_icount"));
    assertEquals(cycles, first(l, "gpu_tot_sim_cycle"));
    assertEquals(insn, first(l, "gpu_tot_sim_insn"));
    assertEquals(64, first(l, "gpu_tot_issued_cta"));
    assertEquals(1, first(l, "kernel_launch_uid"));
    assertEquals("sgemm_tiled", l.get("kernel_name").get(0));
    assertEquals(String.format(java.util.Locale.ROOT, "%.4f", (double) insn / cycles),
        l.get("gpu_ipc").get(0));
    assertTrue(l.containsKey("gpgpu_simulation_rate"), r.out());

    JsonNode json = readJson(out);
    JsonNode k = json.get("kernels").get(0);
    assertEquals("sgemm_tiled", k.get("name").asText());
    assertEquals(cycles, k.get("cycles").asLong());
    assertEquals(sgemmWarpInstructions, k.get("warpInstructions").asLong());
    assertEquals(insn, k.get("threadInstructions").asLong());
    assertEquals((double) sgemmWarpInstructions / cycles, k.get("ipc").asDouble(), 1e-12);
    assertEquals("control-bits", k.get("dependenceMode").asText());
    for (Stat s : Stat.values()) {
      assertEquals(Long.parseLong(l.get("sassim_" + s.key()).get(0)), k.get(s.key()).asLong(),
          s.key());
    }
    // The unrolled FFMAs carry reuse bits: the register-file cache must have served reads.
    assertTrue(k.get("registerFileCacheHits").asLong() > 0, k.toString());
    JsonNode bySubcore = k.get("stalls").get("bySubcore");
    assertEquals(4, bySubcore.size());
    for (StallReason reason : StallReason.values()) {
      String key = StallKeys.of(reason);
      long sum = 0;
      for (JsonNode sub : bySubcore) {
        sum += sub.get(key).asLong();
      }
      assertEquals(sum, k.get("stalls").get("total").get(key).asLong(), key);
      assertEquals(sum, Long.parseLong(l.get("sassim_stall_" + key).get(0)), key);
    }
    assertTrue(k.get("occupancy").get("blocksPerSm").asInt() > 0, k.toString());
    assertEquals("[16,16,1]", k.get("block").toString());

    JsonNode totals = json.get("totals");
    assertEquals(cycles, totals.get("cycles").asLong());
    assertEquals(sgemmWarpInstructions, totals.get("warpInstructions").asLong());
    JsonNode sim = json.get("simulation");
    assertTrue(sim.get("wallSeconds").asDouble() > 0);
    assertEquals(sgemmWarpInstructions / sim.get("wallSeconds").asDouble(),
        sim.get("warpInstructionsPerSecond").asDouble(), 1e-6 * sgemmWarpInstructions);
    assertEquals("rtx-a6000", json.get("gpu").get("name").asText());
    assertEquals(84, json.get("gpu").get("config").get("smCount").asInt());
    assertEquals(sgemm.toString(), json.get("input").asText());
  }

  @Test
  void twoRunsGiveTheSameJsonApartFromTheTimingBlockWhateverTheThreadCount() {
    List<JsonNode> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path out = tmp.resolve("run" + i + ".json");
      CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", sgemm.toString(), "--json", out.toString(),
          "--threads", i == 2 ? "3" : "1");
      assertEquals(0, r.code(), r.err());
      ObjectNode json = (ObjectNode) readJson(out);
      JsonNode sim = json.remove("simulation");
      assertEquals(i == 2 ? 3 : 1, sim.get("threads").asInt());
      assertEquals(8, sim.get("windowCycles").asInt());
      runs.add(json);
    }
    assertEquals(runs.get(0), runs.get(1));
    assertEquals(runs.get(0), runs.get(2));
    CliRun bad = CliRun.of("run", "--gpu", "rtx-a6000", sgemm.toString(), "--threads", "0");
    assertEquals(2, bad.code());
    assertTrue(bad.err().strip().startsWith("--threads: must be in 1..1024, got 0"), bad.err());
  }

  @Test
  void kernelsRunInOrderAndTotalsAccumulate() throws Exception {
    Path trace = TraceFilesOnDisk.writeNative(new MemoryTraceSource("two")
        .kernel("kernel-1", SgemmTiledTrace::kernelUnchecked)
        .memcpy(0x7f0000000000L, 4096)
        .kernel("kernel-2", ffmaChain(3, true)), tmp.resolve("two.sstrace"));
    CliRun r = CliRun.of("run", "--gpu", "a100", trace.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, List<String>> l = lines(r.out());
    assertEquals(List.of("1", "2"), l.get("kernel_launch_uid"));
    List<String> cycles = l.get("gpu_sim_cycle");
    List<String> total = l.get("gpu_tot_sim_cycle");
    assertEquals(Long.parseLong(cycles.get(0)) + Long.parseLong(cycles.get(1)),
        Long.parseLong(total.get(1)));
    assertEquals(List.of("64", "67"), l.get("gpu_tot_issued_cta"));

    // --kernel keeps the launch uid of the input and restarts the totals.
    CliRun only = CliRun.of("run", "--gpu", "a100", trace.toString(), "--kernel", "alu_latency");
    assertEquals(0, only.code(), only.err());
    Map<String, List<String>> o = lines(only.out());
    assertEquals(List.of("2"), o.get("kernel_launch_uid"));
    assertEquals(cycles.get(1), o.get("gpu_sim_cycle").get(0));
    assertEquals(cycles.get(1), o.get("gpu_tot_sim_cycle").get(0));

    CliRun none = CliRun.of("run", "--gpu", "a100", trace.toString(), "--kernel", "nope");
    assertEquals(2, none.code());
    assertEquals(trace + ": no kernel launch matches --kernel nope", none.err().strip());
  }

  @Test
  void controlBitsFromTheListingTurnAnNvbitStyleTraceIntoTheControlledRun() throws Exception {
    Path folder = TraceFilesOnDisk.writeAccelSim(new MemoryTraceSource("sgemm")
        .kernel("kernel-1", () -> SgemmTiledTrace.kernelUnchecked(false)), tmp.resolve("nvbit"));
    Path listing = ListingKernels.repoRoot()
        .resolve("traces/kernels/sgemm_tiled/sgemm_tiled.sm_86.sass");
    Path plain = tmp.resolve("plain.json");
    Path controlled = tmp.resolve("controlled.json");
    Path nativeRun = tmp.resolve("native.json");
    CliRun plainRun = CliRun.of("run", "--gpu", "rtx-a6000", folder.toString(), "--json",
        plain.toString());
    assertEquals(0, plainRun.code());
    assertTrue(plainRun.err().contains("runs with scoreboards: the trace carries no control bits"),
        plainRun.err());
    CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", folder.toString(), "--json",
        controlled.toString(), "--control", listing.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(r.err().contains("scoreboards"), r.err());
    assertEquals(0, CliRun.of("run", "--gpu", "rtx-a6000", sgemm.toString(), "--json",
        nativeRun.toString()).code());
    JsonNode p = readJson(plain).get("kernels").get(0);
    JsonNode c = readJson(controlled).get("kernels").get(0);
    assertEquals("scoreboard", p.get("dependenceMode").asText());
    assertEquals("control-bits", c.get("dependenceMode").asText());
    // Same instructions and control bits as the native trace cut with them: same timing.
    assertEquals(readJson(nativeRun).get("kernels").get(0).get("cycles"), c.get("cycles"));
    assertEquals(sgemmWarpInstructions, p.get("warpInstructions").asLong());
  }

  @Test
  void setOverridesReachTheModel() {
    Path base = tmp.resolve("base.json");
    Path slow = tmp.resolve("slow.json");
    assertEquals(0, CliRun.of("run", "--gpu", "rtx-a6000", sgemm.toString(), "--json",
        base.toString()).code());
    CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", sgemm.toString(), "--json", slow.toString(),
        "--set", "execution.units.FP32.latency=40", "--set", "issue.dependence=scoreboard");
    assertEquals(0, r.code(), r.err());
    JsonNode k = readJson(slow).get("kernels").get(0);
    assertEquals("scoreboard", k.get("dependenceMode").asText());
    assertTrue(k.get("cycles").asLong() > readJson(base).get("kernels").get(0).get("cycles").asLong());
    JsonNode overrides = readJson(slow).get("gpu").get("overrides");
    assertEquals("40", overrides.get("execution.units.FP32.latency").asText());
  }

  @Test
  void everySharedTraceOfSm80OrNewerRunsWithoutTrippingTheWatchdog() throws Exception {
    int checked = 0;
    for (Path list : SharedTraces.kernelLists()) {
      if (oldestBinaryVersion(list) < 80) {
        continue;
      }
      for (String gpu : List.of("rtx-a6000", "a100", "h100-sxm")) {
        CliRun r = CliRun.of("run", "--gpu", gpu, list.toString());
        assertEquals(0, r.code(), list + " on " + gpu + ": " + r.err());
        Map<String, List<String>> l = lines(r.out());
        assertEquals(kernelCount(list), l.get("gpu_sim_cycle").size());
        for (String c : l.get("gpu_sim_cycle")) {
          assertTrue(Long.parseLong(c) > 0, list.toString());
        }
        checked++;
      }
    }
    assertTrue(checked > 0, "no sm_80+ trace among " + SharedTraces.PROGRAMS);
  }

  @Test
  void theTuringTraceRunsWithANoteAndPascalTracesAreRejected() {
    Path turing = SharedTraces.require(SharedTraces.TURING);
    CliRun t = CliRun.of("run", "--gpu", "rtx-a6000", turing.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("sm_75 kernels run with the sm_86 opcode table"), t.err());
    assertEquals(46941, first(lines(t.out()), "gpgpu_n_tot_w_icount"));

    Path pascal = SharedTraces.require(SharedTraces.VECTORADD);
    CliRun p = CliRun.of("run", "--gpu", "rtx-a6000", pascal.toString());
    assertEquals(2, p.code());
    String message = p.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("opcode XMAD.MRG at PC 0x0028 is not in the sm_86 opcode table"),
        message);
    assertTrue(message.contains("compiled for sm_61"), message);
  }

  @Test
  void theWatchdogReportsEveryStuckWarpAndExitsThree() throws Exception {
    // Without control bits the dependent FFMAs wait on the scoreboard; a 5000-cycle FP32 latency
    // then leaves every warp waiting longer than the 1000-cycle watchdog window.
    Path trace = TraceFilesOnDisk.writeNative(
        new MemoryTraceSource("chain").kernel("kernel-1", ffmaChain(2, false)),
        tmp.resolve("chain.sstrace"));
    Path out = tmp.resolve("never.json");
    CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", trace.toString(), "--json", out.toString(),
        "--set", "execution.units.FP32.latency=5000", "--set", "watchdog.stallCycles=1000");
    assertEquals(Main.EXIT_STUCK, r.code(), r.err());
    List<String> err = r.err().lines().toList();
    assertTrue(err.get(0).startsWith("sassim: watchdog: kernel alu_latency: no warp issued for 1000"
        + " cycles"), err.get(0));
    assertEquals(8, err.size() - 1, r.err());
    for (String warp : err.subList(1, err.size())) {
      assertTrue(warp.matches("  warp \\d of block \\d \\(SM \\d+, sub-core \\d\\): at PC 0x0[0-9a-f]{3} .*FFMA.*: "
          + "dependence counter / scoreboard wait \\(pending: R\\d+ written\\)"),
          warp);
      assertFalse(warp.contains("0x0320 0320"), "the PC appears once: " + warp);
    }
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(out), "no JSON for a run that did not finish");
  }

  @Test
  void warpsThatDisagreeOnBarrierCountFinishBecauseExitedWarpsLeaveTheBarrier() throws Exception {
    // Warp 0 passes both barriers of the SGEMM loop, warp 1 only the first, then exits: the
    // second barrier releases warp 0 once warp 1 has exited, as on hardware, so no deadlock.
    Kernel k = ListingKernels.kernel("sgemm_tiled", "sgemm_tiled", "sm_86");
    List<MemoryKernelTrace.Entry> both = List.of(entry(k, 0x370), entry(k, 0xa00), entry(k, 0xa80));
    List<MemoryKernelTrace.Entry> one = List.of(entry(k, 0x370), entry(k, 0xa80));
    Path trace = TraceFilesOnDisk.writeNative(new MemoryTraceSource("bars").kernel("kernel-1",
        () -> ListingKernels.sequences("bars", List.of(both, one), 2, 1)), tmp.resolve("bars.sstrace"));
    CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", trace.toString(),
        "--set", "watchdog.stallCycles=20000");
    assertEquals(0, r.code(), r.err());
    assertEquals(5, first(lines(r.out()), "gpgpu_n_tot_w_icount"));
  }

  private static MemoryKernelTrace.Entry entry(Kernel k, int pc) {
    return new MemoryKernelTrace.Entry(ListingKernels.controlled(k.at(pc)), -1);
  }

  @Test
  void badInputsGiveExitTwoAndOneLine() throws Exception {
    Path missing = tmp.resolve("none");
    expectBadInput(missing + ": no such file or folder",
        "run", "--gpu", "rtx-a6000", missing.toString());
    CliRun name = CliRun.of("run", "--gpu", "rtx-9999", sgemm.toString());
    assertEquals(2, name.code());
    assertTrue(name.err().strip().contains("no GPU config named 'rtx-9999' (known: a100, "), name.err());
    assertFalse(name.err().strip().contains("\n"));
    expectBadInput("override: no: unknown key (expected one of architecture, ",
        "run", "--gpu", "rtx-a6000", sgemm.toString(), "--set", "no.such.field=1");
    expectBadInput("--set: 'watchdog.stallCycles' is not PATH=VALUE",
        "run", "--gpu", "rtx-a6000", sgemm.toString(), "--set", "watchdog.stallCycles");
    Path spec = Files.writeString(tmp.resolve("broken.launch.yaml"),
        "kernel: vecadd\nbinary: vecadd.{arch}.cubin\ngrid: [1]\nblock: [lots]\nargs: []\n");
    expectBadInput(spec + ":4: ", "run", "--gpu", "rtx-a6000", spec.toString());
    Path garbage = Files.writeString(tmp.resolve("kernelslist.g"), "kernel-1.traceg\n");
    CliRun g = CliRun.of("run", "--gpu", "rtx-a6000", garbage.toString());
    assertEquals(2, g.code(), g.out());
    assertFalse(g.err().strip().contains("\n"), g.err());
  }

  private static void expectBadInput(String messageStart, String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(2, r.code(), r.out() + r.err());
    String message = r.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.startsWith(messageStart), message);
  }

  @Test
  void statsDescriptionsListEveryStatAndDocsHoldTheSameTable() throws Exception {
    CliRun r = CliRun.of("run", "--stats-descriptions");
    assertEquals(0, r.code(), r.err());
    for (Stat s : Stat.values()) {
      assertTrue(r.out().contains("`" + s.key() + "` | `sassim_" + s.key() + "` | "
          + s.description()), s.key());
    }
    for (StallReason reason : StallReason.values()) {
      assertTrue(r.out().contains(StallKeys.of(reason)), reason.name());
    }
    String doc = Files.readString(ListingKernels.repoRoot().resolve("docs/stats.md"));
    for (String row : StatCatalogue.markdown().split("\n")) {
      assertTrue(doc.contains(row), "docs/stats.md lacks the row: " + row);
    }
  }

  private static int oldestBinaryVersion(Path list) throws Exception {
    int oldest = Integer.MAX_VALUE;
    try (TraceSource s = TraceFiles.open(list)) {
      for (TraceCommand c : s.commands()) {
        if (c instanceof TraceCommand.Kernel k) {
          try (KernelTrace t = s.openKernel(k)) {
            oldest = Math.min(oldest, t.launch().binaryVersion());
          }
        }
      }
    }
    return oldest;
  }

  private static int kernelCount(Path list) throws Exception {
    try (TraceSource s = TraceFiles.open(list)) {
      return (int) s.commands().stream().filter(c -> c instanceof TraceCommand.Kernel).count();
    }
  }

  @Test
  void aLaunchSpecRunsExecutionDriven() throws Exception {
    Path spec = ListingKernels.repoRoot().resolve(
        "validation/microbench/alu_latency/alu_latency.launch.yaml");
    Path dump = tmp.resolve("dump");
    Path json = tmp.resolve("alu.json");
    CliRun r = CliRun.of("run", "--gpu", "rtx-a6000", spec.toString(), "--dump", dump.toString(),
        "--json", json.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, List<String>> l = lines(r.out());
    assertEquals("alu_latency", l.get("kernel_name").get(0));
    assertEquals(1, first(l, "gpu_tot_issued_cta"));
    long cycles = first(l, "gpu_sim_cycle");
    assertEquals(cycles, readJson(json).get("kernels").get(0).get("cycles").asLong());
    // The clock buffer holds simulated cycles: two back-to-back reads 2 cycles apart, and the
    // eight brackets inside the kernel's run.
    java.nio.ByteBuffer clocks = java.nio.ByteBuffer.wrap(Files.readAllBytes(dump.resolve("clocks.bin")))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertEquals(32, clocks.capacity());
    assertEquals(2, clocks.getInt(0));
    long sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += clocks.getInt(4 * i);
    }
    assertTrue(sum > 32 * 4 * 6 && sum < cycles, "clock deltas " + sum + " of " + cycles + " cycles");
    assertTrue(Files.exists(dump.resolve("sink.bin")));
    assertFalse(Files.exists(dump.resolve("seeds.bin")), "only output buffers are dumped");

    CliRun again = CliRun.of("run", "--gpu", "rtx-a6000", spec.toString(), "--dump", dump.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().strip().startsWith(dump + ": already exists"), again.err());
  }

  @Test
  void executionDrivenErrorsAndTheWatchdog() throws Exception {
    Path root = ListingKernels.repoRoot();
    // printf_call reaches LEPC, which the emulator cannot execute: the emulator's one line.
    expectBadInput(root.resolve("traces/kernels/printf_call/printf_call.sm_86.sass") + ":",
        "run", "--gpu", "rtx-a6000", root.resolve("traces/kernels/printf_call/printf_call.launch.yaml").toString());
    CliRun lepc = CliRun.of("run", "--gpu", "rtx-a6000",
        root.resolve("traces/kernels/printf_call/printf_call.launch.yaml").toString());
    assertTrue(lepc.err().contains("unsupported instruction LEPC"), lepc.err());
    CliRun stuck = CliRun.of("run", "--gpu", "rtx-a6000",
        root.resolve("traces/kernels/saxpy/saxpy.launch.yaml").toString(),
        "--set", "execution.units.FP32.latency=5000", "--set", "watchdog.stallCycles=1000");
    assertEquals(3, stuck.code(), stuck.err());
    assertTrue(stuck.err().startsWith("sassim: watchdog: kernel saxpy: no warp issued for 1000 cycles"),
        stuck.err());
    expectBadInput("--dump: only a launch spec run has buffers to dump",
        "run", "--gpu", "rtx-a6000", sgemm.toString(), "--dump", tmp.resolve("d").toString());
  }
}
