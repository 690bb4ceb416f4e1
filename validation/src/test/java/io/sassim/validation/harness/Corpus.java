package io.sassim.validation.harness;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.file.Path;

/** The real corpus of the repository under test. */
final class Corpus {
  private Corpus() {}

  static Path root() {
    return Path.of(System.getProperty("sassim.repoRoot", "..")).toAbsolutePath().normalize();
  }

  static LaunchSpec spec(String caseId) throws InputException {
    return LaunchSpecLoader.load(root().resolve(caseId + SpecDiscovery.SUFFIX));
  }
}
