package io.sassim.validation.harness;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Finds the launch specs of a capture: every {@code *.launch.yaml} under the roots. */
final class SpecDiscovery {
  static final String SUFFIX = ".launch.yaml";

  private SpecDiscovery() {}

  /**
   * Specs under {@code roots} (relative ones resolve against {@code repoRoot}), sorted, filtered
   * by {@code only} globs when given. A glob matches the case id
   * ({@code traces/kernels/vecadd/vecadd}) or its last part ({@code pointer_chase.dram}).
   */
  static List<Path> find(Path repoRoot, List<Path> roots, List<String> only)
      throws InputException {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : only) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (PatternSyntaxException e) {
        throw new InputException("--only", 0, "not a glob: '" + glob + "' (" + e.getDescription()
            + ")");
      }
    }
    TreeSet<Path> found = new TreeSet<>();
    for (Path root : roots) {
      Path dir = repoRoot.resolve(root).normalize();
      if (!Files.isDirectory(dir)) {
        throw new InputException(dir.toString(), 0, "no such folder (a root to search for specs)");
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
            .filter(Files::isRegularFile)
            .filter(p -> matchers.isEmpty() || matches(matchers, caseId(repoRoot, p)))
            .forEach(found::add);
      } catch (IOException e) {
        throw new InputException(dir.toString(), 0, "cannot list: " + e.getMessage());
      }
    }
    return List.copyOf(found);
  }

  private static boolean matches(List<PathMatcher> matchers, String caseId) {
    Path id = Path.of(caseId);
    return matchers.stream().anyMatch(m -> m.matches(id) || m.matches(id.getFileName()));
  }

  /** The spec's path relative to the repository (when inside it), without {@value #SUFFIX}. */
  static String caseId(Path repoRoot, Path spec) {
    String rel = relative(repoRoot, spec);
    return rel.endsWith(SUFFIX) ? rel.substring(0, rel.length() - SUFFIX.length()) : rel;
  }

  /** {@code file} relative to the repository when inside it, else absolute; '/' separated. */
  static String relative(Path repoRoot, Path file) {
    Path root = repoRoot.toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }
}
