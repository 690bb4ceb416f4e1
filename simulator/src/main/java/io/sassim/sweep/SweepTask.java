package io.sassim.sweep;

/**
 * One point run on one workload: the unit an executor schedules and a result file records.
 *
 * @param index position in {@link SweepSpec#tasks()}
 */
public record SweepTask(int index, SweepPoint point, Workload workload) {

  /** The task's result file name inside the results folder. */
  public String fileName() {
    return String.format("point-%04d.%s.json", point.index(), workload.name());
  }
}
