package io.sassim.sweep;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs a sweep's missing tasks somewhere. Each task writes its own result file through {@link
 * TaskRunner}; an executor only schedules them and says which failed.
 */
public interface SweepExecutor {

  /**
   * Runs {@code tasks} to completion, drawing progress on {@code err}.
   *
   * @return one line per task that produced no result, saying why; empty when all succeeded
   * @throws SweepException when the executor itself cannot run (e.g. Slurm refuses the job)
   */
  List<String> run(TaskRunner runner, List<SweepTask> tasks, PrintWriter err)
      throws SweepException;

  /** The executor could not run the tasks at all. */
  final class SweepException extends Exception {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
      super(message);
    }

    public SweepException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
