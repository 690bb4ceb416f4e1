package io.sassim.validation.profiler;

/** A kernel launch from a profiler export, as far as joining it to a capture case needs. */
interface ProfiledLaunch {
  /** The order in which the profiled process launched kernels. */
  int id();

  /** Whether this launch ran the kernel entry {@code entry}. */
  boolean ran(String entry);

  /** The launch's line in the export, for messages. */
  int line();
}
