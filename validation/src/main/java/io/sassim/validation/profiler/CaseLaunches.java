package io.sassim.validation.profiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.sassim.isa.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which profiled launches each case of a capture made. The harness launches each case {@code
 * perCase * repeat} times, in capture order, and launches its clock-calibration kernel before and
 * after the suite. Walking the launches in ID order, each case takes the next that many launches
 * of its own kernel; launches of other kernels in between are passed over. A case whose launches
 * are not all found is an error, since every later case would be joined to the wrong launches.
 */
final class CaseLaunches {
  private CaseLaunches() {}

  /**
   * The launches of each element of {@code cases}, in order; empty for a case that failed on
   * the GPU (it may have launched any number of times; the next case resyncs).
   */
  static <L extends ProfiledLaunch> List<List<L>> assign(Path capture, Path csv, JsonNode cases,
      List<L> launches, int perCase) throws InputException {
    List<L> ordered = new ArrayList<>(launches);
    ordered.sort(Comparator.comparingInt(ProfiledLaunch::id));
    List<List<L>> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      String id = c.path("case").asText("cases[" + i + "]");
      if (!c.path("error").isNull() && !c.path("error").isMissingNode()) {
        out.add(List.of());
        continue;
      }
      String kernel = c.path("kernel").asText(null);
      if (kernel == null) {
        throw new InputException(capture, 0, "cases[" + i + "] (" + id + "): no kernel name");
      }
      int wanted = perCase * Math.max(1, c.path("repeat").asInt(1));
      List<L> mine = new ArrayList<>(wanted);
      int at = next;
      while (mine.size() < wanted && at < ordered.size()) {
        L l = ordered.get(at++);
        if (l.ran(kernel)) {
          mine.add(l);
        }
      }
      if (mine.size() < wanted) {
        int line = next < ordered.size() ? ordered.get(next).line() : 0;
        throw new InputException(csv, line, "case " + id + " made " + wanted + " launches of '"
            + kernel + "', but only " + mine.size() + " follow from here: is this the profile of "
            + capture.getFileName() + "?");
      }
      next = at;
      out.add(mine);
    }
    return out;
  }
}
