package io.sassim.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one task measured, as its result file holds it.
 *
 * @param task the task's index in {@link SweepSpec#tasks()}
 * @param point the point's index
 * @param workload the workload's name
 * @param settings the point's overrides, path to value
 * @param cycles core cycles summed over the workload's kernels
 * @param metrics each requested metric's value (Long, or Double for ratios), spec order
 * @param wallSeconds how long the simulation took; kept in the file, left out of the results,
 *     which must not depend on the machine
 */
public record PointResult(
    int task,
    int point,
    String workload,
    Map<String, Object> settings,
    long cycles,
    Map<String, Number> metrics,
    double wallSeconds) {

  public PointResult {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * Whether this result answers {@code task} of the current spec: same point settings, workload
   * and every wanted metric. A result left by an earlier, different spec is run again.
   */
  boolean answers(SweepTask task, Iterable<String> wantedMetrics) {
    // Not the task index: it shifts when workloads are added, and the point and workload say it.
    if (point != task.point().index() || !workload.equals(task.workload().name())) {
      return false;
    }
    if (!settings.keySet().equals(task.point().settings().keySet())) {
      return false;
    }
    for (Map.Entry<String, Object> e : task.point().settings().entrySet()) {
      if (!SweepPoint.text(e.getValue()).equals(SweepPoint.text(settings.get(e.getKey())))) {
        return false;
      }
    }
    for (String m : wantedMetrics) {
      if (!metrics.containsKey(m)) {
        return false;
      }
    }
    return true;
  }
}
