package io.sassim.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks on a thread pool in this process: the default, which needs no set-up. Each task
 * simulates on its own thread with its own chip, so results do not depend on the pool size.
 */
public final class LocalExecutor implements SweepExecutor {

  private final int threads;
  private final boolean terminal;

  /** @param terminal whether progress goes to a terminal (redrawn bar) or a log (lines) */
  public LocalExecutor(int threads, boolean terminal) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.terminal = terminal;
  }

  @Override
  public List<String> run(TaskRunner runner, List<SweepTask> tasks, PrintWriter err)
      throws SweepException {
    SweepProgress progress = new SweepProgress(err, tasks.size(), terminal);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sassim-sweep");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (SweepTask task : tasks) {
        futures.add(pool.submit(() -> {
          try {
            runner.run(task);
            progress.finished(true);
            return null;
          } catch (TaskRunner.TaskFailure e) {
            progress.finished(false);
            return e.getMessage();
          }
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> f : futures) {
        String failure = f.get();
        if (failure != null) {
          failures.add(failure);
        }
      }
      return failures;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepException("interrupted", e);
    } catch (ExecutionException e) {
      // TaskRunner turns every input problem into a TaskFailure; anything else is a defect
      throw new IllegalStateException("a sweep task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
