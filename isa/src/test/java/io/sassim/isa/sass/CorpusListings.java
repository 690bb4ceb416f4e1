package io.sassim.isa.sass;

import io.sassim.isa.InputException;
import io.sassim.isa.corpus.CorpusFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The committed compiler listings the tests run over: traces/kernels and validation/microbench. */
final class CorpusListings {
  private CorpusListings() {}

  static List<Path> files() {
    return CorpusFiles.withSuffix(".sass");
  }

  static Path file(String relative) {
    return CorpusFiles.file(relative);
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
