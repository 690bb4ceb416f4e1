package io.sassim.isa.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository root and the launch specs committed in it, for tests. */
final class SpecFiles {
  private SpecFiles() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("sassim.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** Every {@code *.launch.yaml} under the repository, build outputs excluded. */
  static List<Path> committedSpecs() {
    try (Stream<Path> s = Files.walk(repoRoot())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".launch.yaml"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
