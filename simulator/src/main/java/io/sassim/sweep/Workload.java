package io.sassim.sweep;

import java.nio.file.Path;

/**
 * One program a sweep runs at every point.
 *
 * @param name unique short name, the {@code workload} column of the results
 * @param path the trace or launch spec, resolved against the spec file's folder
 * @param kind what {@code path} is
 */
public record Workload(String name, Path path, Kind kind) {

  /** What a workload's file is. */
  public enum Kind {
    /** An Accel-Sim folder, {@code kernelslist.g}, {@code kernel-N.traceg[.xz]} or {@code .sstrace}. */
    TRACE,
    /** A launch spec ({@code *.launch.yaml}), run from its compiled SASS. */
    LAUNCH
  }
}
