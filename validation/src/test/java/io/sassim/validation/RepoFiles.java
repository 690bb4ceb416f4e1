package io.sassim.validation;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.file.Path;

/** The repository under test and its committed launch specs. */
public final class RepoFiles {
  /** What every launch spec's file name ends with. */
  public static final String SPEC_SUFFIX = ".launch.yaml";

  private RepoFiles() {}

  /** The repository root: surefire's {@code sassim.repoRoot}, else the parent of the module. */
  public static Path root() {
    return Path.of(System.getProperty("sassim.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** The spec of case {@code caseId} ({@code traces/kernels/vecadd/vecadd}). */
  public static LaunchSpec spec(String caseId) throws InputException {
    return LaunchSpecLoader.load(root().resolve(caseId + SPEC_SUFFIX));
  }
}
