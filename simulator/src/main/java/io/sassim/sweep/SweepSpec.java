package io.sassim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked sweep: every point's config has been loaded once, so running it cannot fail on the
 * spec. Made by {@link SweepSpecLoader}.
 *
 * @param file the spec file as the user named it
 * @param gpu the base GPU: a name from {@code configs/} or a config file
 * @param gpuFile the config file the base GPU is loaded from
 * @param parameters the varied dotted config paths, in spec order (the result columns)
 * @param combine how the axes make points
 * @param points every point, index order
 * @param workloads every workload, spec order
 * @param metrics statistic names collected besides {@code cycles}
 * @param baseline index of the point speed-ups are relative to
 */
public record SweepSpec(
    Path file,
    String gpu,
    Path gpuFile,
    List<String> parameters,
    Combine combine,
    List<SweepPoint> points,
    List<Workload> workloads,
    List<String> metrics,
    int baseline) {

  /** How axes combine into points. */
  public enum Combine {
    /** Every combination of the axes' values; the last axis varies fastest. */
    PRODUCT,
    /** The i-th value of every axis together; all axes have the same length. */
    ZIP,
    /** An explicit list of points, each setting the same paths. */
    POINTS;

    public String key() {
      return name().toLowerCase();
    }
  }

  public SweepSpec {
    parameters = List.copyOf(parameters);
    points = List.copyOf(points);
    workloads = List.copyOf(workloads);
    metrics = List.copyOf(metrics);
  }

  /** Every point x workload, the point index major; a task's index is its position here. */
  public List<SweepTask> tasks() {
    List<SweepTask> out = new ArrayList<>(points.size() * workloads.size());
    for (SweepPoint p : points) {
      for (int w = 0; w < workloads.size(); w++) {
        out.add(new SweepTask(out.size(), p, workloads.get(w)));
      }
    }
    return out;
  }
}
