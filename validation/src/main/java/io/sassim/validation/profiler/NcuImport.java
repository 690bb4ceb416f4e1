package io.sassim.validation.profiler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sassim.isa.InputException;
import io.sassim.validation.capture.CaptureLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins Nsight Compute's launches to the cases of the harness capture that ran under it
 * ({@code scripts/device-profile.sh}) and writes a capture whose cases carry the counters.
 *
 * <p>The harness launches each case {@code (warmup + runs) * repeat} times, in capture order,
 * and launches its clock-calibration kernel before and after the suite. Walking the profiler's
 * launches in ID order, each case takes the next that many launches of its own kernel; launches
 * of other kernels in between (the calibration) are passed over. A case whose launches are not
 * all found is an error, since every later case would be joined to the wrong rows.
 *
 * <p>In the result, each case gains {@code counters} (each metric's median over the case's
 * launches) and {@code profiledLaunches} (their IDs). A kernel case's {@code cycles} becomes
 * {@link #CYCLE_METRIC}, the event timing moving to {@code eventCycles}: event timings include
 * the launch overhead, which on an H200 is about twice a small kernel's run time. The top level
 * gains {@code profiler}, naming the CSV and the cycle metric.
 */
public final class NcuImport {
  /** The cycles a kernel case is compared on; Nsight Compute's "Elapsed Cycles". */
  public static final String CYCLE_METRIC = "gpc__cycles_elapsed.max";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NcuImport() {}

  /** The joined capture, as a JSON tree. */
  public static ObjectNode join(Path capture, Path csv) throws InputException {
    ObjectNode root = readCapture(capture);
    List<NcuLaunch> launches = NcuCsv.read(csv);
    JsonNode settings = root.path("settings");
    int perCase = settings.path("runs").asInt(-1) + settings.path("warmup").asInt(-1);
    if (settings.path("runs").asInt(0) < 1 || settings.path("warmup").asInt(-1) < 0) {
      throw new InputException(capture, 0, "settings: needs runs >= 1 and warmup >= 0 to know"
          + " how many launches each case made");
    }
    ArrayNode cases = (ArrayNode) root.path("cases");
    List<List<NcuLaunch>> made = CaseLaunches.assign(capture, csv, cases, launches, perCase);
    for (int i = 0; i < cases.size(); i++) {
      if (!made.get(i).isEmpty()) {
        annotate((ObjectNode) cases.get(i), made.get(i));
      }
    }
    ObjectNode profiler = JSON.createObjectNode();
    profiler.put("tool", "Nsight Compute");
    profiler.put("csv", csv.getFileName().toString());
    profiler.put("cycleMetric", CYCLE_METRIC);
    profiler.put("launches", launches.size());
    profiler.put("note", "kernel cycles are the profiler's; the event timings of this run are"
        + " distorted by the profiler and kept as eventCycles");
    root.set("profiler", profiler);
    return root;
  }

  /** The joined capture as the indented JSON a capture file holds. */
  public static String render(ObjectNode joined) {
    try {
      return JSON.writeValueAsString(joined);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that does not serialize", e);
    }
  }

  private static void annotate(ObjectNode c, List<NcuLaunch> mine) {
    Map<String, Double> medians = new TreeMap<>();
    for (String metric : mine.get(0).metrics().keySet()) {
      double[] v = new double[mine.size()];
      int n = 0;
      for (NcuLaunch l : mine) {
        Double x = l.metrics().get(metric);
        if (x != null) {
          v[n++] = x;
        }
      }
      if (n == mine.size()) {
        medians.put(metric, median(v));
      }
    }
    ObjectNode counters = c.putObject("counters");
    medians.forEach(counters::put);
    ArrayNode ids = c.putArray("profiledLaunches");
    mine.forEach(l -> ids.add(l.id()));
    Double cycles = medians.get(CYCLE_METRIC);
    if (cycles != null && "kernel".equals(c.path("kind").asText())) {
      c.set("eventCycles", c.get("cycles"));
      c.put("cycles", Math.round(cycles));
      c.put("cyclesSource", "ncu " + CYCLE_METRIC);
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static ObjectNode readCapture(Path capture) throws InputException {
    if (!Files.isRegularFile(capture)) {
      throw new InputException(capture, 0, "no such file");
    }
    JsonNode root;
    try {
      root = JSON.readTree(capture.toFile());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InputException(capture, line, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputException(capture, 0, "unreadable: " + e.getMessage());
    }
    if (!(root instanceof ObjectNode obj)
        || !CaptureLoader.SCHEMA.equals(root.path("schema").asText())) {
      throw new InputException(capture, 1, "schema: not a harness capture ('"
          + CaptureLoader.SCHEMA + "')");
    }
    if (root.path("dryRun").asBoolean(false)) {
      throw new InputException(capture, 1, "dryRun: a dry-run capture launched nothing");
    }
    if (!root.path("cases").isArray()) {
      throw new InputException(capture, 1, "cases: missing");
    }
    if (root.has("profiler")) {
      throw new InputException(capture, 1, "profiler: counters were joined to this capture"
          + " already");
    }
    return obj;
  }
}
