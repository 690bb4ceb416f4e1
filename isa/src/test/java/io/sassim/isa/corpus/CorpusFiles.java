package io.sassim.isa.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the isa tests find the repository and the committed corpus outputs. */
public final class CorpusFiles {
  /** The corpus folders scripts/sass-toolchain.sh builds. */
  public static final List<String> DIRS = List.of("traces/kernels", "validation/microbench");

  private CorpusFiles() {}

  /** The repository root: surefire's {@code sassim.repoRoot}, else the parent of the module. */
  public static Path repoRoot() {
    String root = System.getProperty("sassim.repoRoot");
    return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
  }

  public static Path file(String relative) {
    return repoRoot().resolve(relative);
  }

  /** Every corpus file whose name ends in {@code suffix} ({@code .sass}, {@code .cubin}), sorted. */
  public static List<Path> withSuffix(String suffix) {
    List<Path> out = new ArrayList<>();
    for (String dir : DIRS) {
      Path d = repoRoot().resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(p -> p.toString().endsWith(suffix)).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
