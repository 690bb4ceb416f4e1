package io.sassim.isa.sass;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The committed compiler listings the tests run over: traces/kernels and validation/microbench. */
final class CorpusListings {
  private CorpusListings() {}

  static Path repoRoot() {
    String root = System.getProperty("sassim.repoRoot");
    return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
  }

  static List<Path> files() {
    List<Path> out = new ArrayList<>();
    for (String dir : new String[] {"traces/kernels", "validation/microbench"}) {
      Path d = repoRoot().resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(p -> p.toString().endsWith(".sass")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static Path file(String relative) {
    return repoRoot().resolve(relative);
  }

  static SassListing parse(String relative) throws InputException {
    return SassParser.parse(file(relative));
  }

  static List<SassListing> parseAll() throws InputException {
    List<SassListing> out = new ArrayList<>();
    for (Path p : files()) {
      out.add(SassParser.parse(p));
    }
    return out;
  }
}
