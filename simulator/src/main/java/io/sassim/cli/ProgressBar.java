package io.sassim.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** A one-line CTA progress bar on the error stream, redrawn at most once per percent. */
final class ProgressBar implements LongConsumer {
  /** Grids smaller than this finish too fast to need a bar. */
  static final long MIN_CTAS = 256;
  private static final int WIDTH = 40;

  private final PrintWriter err;
  private final long total;
  private long shownPercent = -1;

  ProgressBar(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
  }

  /** A bar for a grid of {@code total} CTAs, or null when none is wanted. */
  static ProgressBar forGrid(PrintWriter err, long total, boolean quiet) {
    return quiet || total < MIN_CTAS || System.console() == null ? null : new ProgressBar(err, total);
  }

  @Override
  public void accept(long done) {
    long percent = done * 100 / total;
    if (percent == shownPercent) {
      return;
    }
    shownPercent = percent;
    int filled = (int) (done * WIDTH / total);
    err.printf("\r[%s%s] %3d%% CTA %d/%d", "#".repeat(filled), " ".repeat(WIDTH - filled), percent, done, total);
    if (done == total) {
      err.println();
    }
    err.flush();
  }
}
