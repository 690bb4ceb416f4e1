package io.sassim.sweep;

import java.io.PrintWriter;

/**
 * Progress of a sweep on the error stream: a bar redrawn in place on a terminal, and otherwise
 * (a log file, a CI job) one line per tenth of the work, each with an estimate of the time left
 * from the mean task time so far.
 */
public final class SweepProgress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private int done;
  private int failed;
  private int shownTenth = -1;

  public SweepProgress(PrintWriter err, int total, boolean terminal) {
    this.err = err;
    this.total = total;
    this.terminal = terminal;
  }

  /** One more task finished ({@code ok}) or failed. */
  public synchronized void finished(boolean ok) {
    done++;
    if (!ok) {
      failed++;
    }
    show();
  }

  /** Sets the count of finished tasks, for executors that observe progress by polling. */
  public synchronized void finishedSoFar(int count) {
    if (count != done) {
      done = count;
      show();
    }
  }

  private void show() {
    if (total == 0) {
      return;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    String eta = done == 0 ? "--:--" : clock(elapsed / done * (total - done));
    String tail = String.format(" %d/%d tasks%s, %s elapsed, ETA %s", done, total,
        failed > 0 ? " (" + failed + " failed)" : "", clock(elapsed), eta);
    if (terminal) {
      int filled = done * WIDTH / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]" + tail);
      if (done == total) {
        err.println();
      }
    } else {
      int tenth = done * 10 / total;
      if (tenth == shownTenth) {
        return;
      }
      shownTenth = tenth;
      err.println("sweep:" + tail);
    }
    err.flush();
  }

  /** {@code m:ss}, or {@code h:mm:ss} past an hour. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
