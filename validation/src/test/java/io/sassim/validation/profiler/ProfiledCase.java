package io.sassim.validation.profiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A case of a profiled hardware capture joined to the Nsight Compute launch that ran it.
 *
 * @param caseId the spec path without {@code .launch.yaml} ({@code traces/kernels/vecadd/vecadd})
 * @param spec the launch spec, relative to the repository root
 * @param arch the target whose binary ran ({@code sm_90}, {@code sm_90a})
 * @param hardware the counters of the case's (only) profiled launch
 */
public record ProfiledCase(String caseId, String spec, String arch, NcuInstructionCounts hardware) {

  /** The case's name without its folders: {@code vecadd}, {@code stall_yield.w4}. */
  public String name() {
    return caseId.substring(caseId.lastIndexOf('/') + 1);
  }

  /**
   * Joins the cases of {@code capture} to the launches of {@code csv}. As in {@code
   * scripts/device-profile.sh}'s run, the capture must have made one launch per case (one run, no
   * warm-up, repeat 1), and each case takes the next launch of its kernel ({@link
   * CaseLaunches#assign}), which passes over the clock calibration around the suite.
   */
  public static List<ProfiledCase> join(Path capture, Path csv) throws InputException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(capture.toFile());
    } catch (IOException e) {
      throw new InputException(capture, 0, "not readable as JSON: " + e.getMessage());
    }
    JsonNode settings = root.path("settings");
    if (settings.path("runs").asInt(-1) != 1 || settings.path("warmup").asInt(-1) != 0) {
      throw new InputException(capture, 0, "settings: a profiled capture needs runs 1 and"
          + " warmup 0, so that each case is one launch");
    }
    JsonNode cases = root.path("cases");
    for (JsonNode c : cases) {
      boolean failed = !c.path("error").isNull() && !c.path("error").isMissingNode();
      if (!failed && c.path("repeat").asInt(1) != 1) {
        throw new InputException(capture, 0, "case " + c.path("case").asText() + ": repeat "
            + c.path("repeat") + "; the join needs one launch per case");
      }
    }
    List<List<NcuInstructionCounts>> made = CaseLaunches.assign(capture, csv, cases,
        NcuInstructionCounts.read(csv), 1);
    List<ProfiledCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (!made.get(i).isEmpty()) {
        JsonNode c = cases.get(i);
        out.add(new ProfiledCase(c.path("case").asText(), c.path("spec").asText(),
            c.path("arch").asText(), made.get(i).get(0)));
      }
    }
    return out;
  }
}
