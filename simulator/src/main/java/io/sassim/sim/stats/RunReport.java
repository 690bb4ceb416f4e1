package io.sassim.sim.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import io.sassim.sim.core.StallReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one {@code sassim run}: every simulated kernel in launch order and the
 * running totals, rendered as the run's JSON document (docs/stats.md). Everything in it but the
 * {@code simulation} block is a function of the inputs, so two runs of the same input compare
 * equal field by field.
 */
public final class RunReport {

  /**
   * One simulated kernel.
   *
   * @param launchUid 1-based position among the input's kernel launches (Accel-Sim's
   *     {@code kernel_launch_uid})
   * @param ctas thread blocks in the grid
   */
  public record Kernel(int launchUid, KernelStats stats, long ctas) {

    public long threadInstructions() {
      return stats.get(Stat.THREAD_INSTRUCTIONS);
    }
  }

  /**
   * How long the simulation took.
   *
   * @param wallSeconds wall time of all kernels' simulation, trace streaming included
   * @param sassimVersion version of the jar, or {@code development build}
   * @param gitRevision commit of the checkout that ran, or null when unknown
   */
  public record Timing(double wallSeconds, String sassimVersion, String gitRevision,
      int windowCycles, int threads) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Kernel> kernels = new ArrayList<>();
  private final long[] totals = new long[Stat.values().length];
  private final long[] stallTotals = new long[StallReason.values().length];
  private long ctas;

  /** Adds the next simulated kernel and returns it. */
  public Kernel add(int launchUid, KernelStats stats) {
    Kernel k = new Kernel(launchUid, stats, ctaCount(stats.grid()));
    kernels.add(k);
    for (Stat s : Stat.values()) {
      totals[s.ordinal()] += stats.get(s);
    }
    for (StallReason r : StallReason.values()) {
      stallTotals[r.ordinal()] += stats.stalls(r);
    }
    ctas += k.ctas();
    return k;
  }

  public List<Kernel> kernels() {
    return List.copyOf(kernels);
  }

  /** Sum of {@code stat} over the kernels so far. */
  public long total(Stat stat) {
    return totals[stat.ordinal()];
  }

  public long totalCycles() {
    return total(Stat.CYCLES);
  }

  public long totalWarpInstructions() {
    return total(Stat.WARP_INSTRUCTIONS);
  }

  public long totalThreadInstructions() {
    return total(Stat.THREAD_INSTRUCTIONS);
  }

  /** Thread blocks of all kernels so far ({@code gpu_tot_issued_cta}). */
  public long totalCtas() {
    return ctas;
  }

  /**
   * The run as a JSON document.
   *
   * @param config the simulated GPU, after overrides
   * @param overrides the {@code --set} overrides, in the order given
   * @param input the input as the user named it
   */
  public ObjectNode toJson(GpuConfig config, Map<String, String> overrides, String input,
      Timing timing) {
    ObjectNode root = JSON.createObjectNode();
    root.set("gpu", gpu(config, overrides));
    root.put("input", input);
    ArrayNode list = root.putArray("kernels");
    for (Kernel k : kernels) {
      list.add(kernel(k));
    }
    ObjectNode t = root.putObject("totals");
    t.put("kernels", kernels.size());
    t.put("ctas", ctas);
    putCounters(t, totals, totalCycles());
    t.set("stalls", stallMap(stallTotals));
    ObjectNode sim = root.putObject("simulation");
    double wall = timing.wallSeconds();
    sim.put("wallSeconds", wall);
    sim.put("windowCycles", timing.windowCycles());
    sim.put("threads", timing.threads());
    sim.put("warpInstructionsPerSecond", rate(totalWarpInstructions(), wall));
    sim.put("threadInstructionsPerSecond", rate(totalThreadInstructions(), wall));
    sim.put("cyclesPerSecond", rate(totalCycles(), wall));
    sim.put("sassimVersion", timing.sassimVersion());
    if (timing.gitRevision() != null) {
      sim.put("gitRevision", timing.gitRevision());
    }
    sim.put("java", System.getProperty("java.version"));
    return root;
  }

  /** {@link #toJson} as indented text ending in a newline. */
  public String render(GpuConfig config, Map<String, String> overrides, String input,
      Timing timing) {
    try {
      return JSON.writeValueAsString(toJson(config, overrides, input, timing))
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serialises; failing here is a defect.
      throw new IllegalStateException("cannot write the run report as JSON", e);
    }
  }

  static double rate(long count, double seconds) {
    return seconds > 0 ? count / seconds : 0;
  }

  private static ObjectNode gpu(GpuConfig config, Map<String, String> overrides) {
    ObjectNode g = JSON.createObjectNode();
    g.put("name", config.name());
    g.put("description", config.description());
    g.put("architecture", config.architecture());
    g.put("smCount", config.smCount());
    g.put("coreMhz", config.clocks().coreMhz());
    g.put("scheduler", config.issue().scheduler());
    g.put("dependence", config.issue().dependence());
    ObjectNode o = g.putObject("overrides");
    overrides.forEach(o::put);
    g.set("config", configTree(config));
    return g;
  }

  /** The fully resolved config, the same tree {@code GpuConfigLoader.toYaml} writes. */
  private static JsonNode configTree(GpuConfig config) {
    try {
      return new YAMLMapper().readTree(GpuConfigLoader.toYaml(config));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the config writer produced unreadable YAML", e);
    }
  }

  private static ObjectNode kernel(Kernel k) {
    KernelStats s = k.stats();
    ObjectNode n = JSON.createObjectNode();
    n.put("name", s.name());
    n.put("kernelId", s.kernelId());
    n.put("launchUid", k.launchUid());
    n.set("grid", dims(s.grid()));
    n.set("block", dims(s.block()));
    n.put("ctas", k.ctas());
    ObjectNode occ = n.putObject("occupancy");
    occ.put("blocksPerSm", s.blocksPerSm());
    occ.put("limitedBy", s.occupancyLimit());
    n.put("dependenceMode", s.dependenceMode());
    long[] values = new long[Stat.values().length];
    for (Stat st : Stat.values()) {
      values[st.ordinal()] = s.get(st);
    }
    putCounters(n, values, s.cycles());
    ObjectNode stalls = n.putObject("stalls");
    long[] total = new long[StallReason.values().length];
    ArrayNode bySubcore = JSON.createArrayNode();
    for (long[] sub : s.stallsBySubcore()) {
      bySubcore.add(stallMap(sub));
      for (int r = 0; r < total.length; r++) {
        total[r] += sub[r];
      }
    }
    stalls.set("total", stallMap(total));
    stalls.set("bySubcore", bySubcore);
    return n;
  }

  /** Every {@link Stat} under its key, then the two IPCs. */
  private static void putCounters(ObjectNode n, long[] values, long cycles) {
    for (Stat st : Stat.values()) {
      n.put(st.key(), values[st.ordinal()]);
    }
    n.put("ipc", ratio(values[Stat.WARP_INSTRUCTIONS.ordinal()], cycles));
    n.put("threadIpc", ratio(values[Stat.THREAD_INSTRUCTIONS.ordinal()], cycles));
  }

  private static ObjectNode stallMap(long[] byReason) {
    ObjectNode m = JSON.createObjectNode();
    for (StallReason r : StallReason.values()) {
      m.put(StallKeys.of(r), byReason[r.ordinal()]);
    }
    return m;
  }

  static double ratio(long count, long cycles) {
    return cycles == 0 ? 0 : (double) count / cycles;
  }

  private static ArrayNode dims(String xyz) {
    ArrayNode a = JSON.createArrayNode();
    for (String part : xyz.split(",")) {
      a.add(Long.parseLong(part.strip()));
    }
    return a;
  }

  private static long ctaCount(String grid) {
    long n = 1;
    for (String part : grid.split(",")) {
      n *= Long.parseLong(part.strip());
    }
    return n;
  }
}
