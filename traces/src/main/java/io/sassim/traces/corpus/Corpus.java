package io.sassim.traces.corpus;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CUDA kernel corpus: workloads under {@code traces/kernels} and microbenchmarks under
 * {@code validation/microbench}, each {@code NAME/NAME.cu} with its compiled cubins, SASS listings
 * and launch specs beside it (see docs/corpus.md). Tests elsewhere use it to find real compiler
 * SASS by kernel name instead of hard-coding paths.
 */
public final class Corpus {

  /** Targets a source is built for unless it says otherwise. */
  public static final List<String> DEFAULT_ARCHS = List.of("sm_80", "sm_86", "sm_89", "sm_90");

  /** The folders that hold corpus sources, relative to the repository root. */
  public static final List<String> FOLDERS = List.of("traces/kernels", "validation/microbench");

  private static final String ARCHS_TAG = "// sassim-archs:";

  private final Path root;
  private final List<CorpusKernel> kernels;

  private Corpus(Path root, List<CorpusKernel> kernels) {
    this.root = root;
    this.kernels = List.copyOf(kernels);
  }

  /** Scans the corpus folders under {@code repoRoot}. */
  public static Corpus load(Path repoRoot) throws InputException {
    List<CorpusKernel> found = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = repoRoot.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(dir)) {
        sources = walk.filter(p -> p.toString().endsWith(".cu") && Files.isRegularFile(p))
            .sorted().toList();
      } catch (IOException e) {
        throw new InputException(dir.toString(), 0, "cannot list corpus folder: " + e.getMessage(), e);
      }
      for (Path source : sources) {
        found.add(kernelOf(source));
      }
    }
    found.sort(Comparator.comparing(CorpusKernel::name));
    return new Corpus(repoRoot, found);
  }

  private static CorpusKernel kernelOf(Path source) throws InputException {
    String file = source.getFileName().toString();
    String name = file.substring(0, file.length() - ".cu".length());
    List<String> lines;
    try {
      lines = Files.readAllLines(source);
    } catch (IOException e) {
      throw new InputException(source.toString(), 0, "cannot read source: " + e.getMessage(), e);
    }
    List<String> archs = DEFAULT_ARCHS;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(ARCHS_TAG)) {
        archs = Arrays.stream(line.substring(ARCHS_TAG.length()).trim().split("\\s+"))
            .filter(s -> !s.isEmpty()).toList();
        if (archs.isEmpty() || !archs.stream().allMatch(a -> a.matches("sm_\\d+a?"))) {
          throw new InputException(source.toString(), i + 1,
              "'// sassim-archs:' must list targets such as sm_90 or sm_90a, got '" + line + "'");
        }
        break;
      }
    }
    List<Path> specs;
    try (Stream<Path> siblings = Files.list(source.getParent())) {
      specs = siblings.filter(p -> isSpecOf(p.getFileName().toString(), name)).sorted().toList();
    } catch (IOException e) {
      throw new InputException(source.getParent().toString(), 0, "cannot list: " + e.getMessage(), e);
    }
    return new CorpusKernel(name, source, archs, specs);
  }

  // NAME.launch.yaml or NAME.<variant>.launch.yaml with a variant free of dots.
  private static boolean isSpecOf(String file, String name) {
    if (!file.startsWith(name + ".") || !file.endsWith(".launch.yaml")) {
      return false;
    }
    String middle = file.substring(name.length(), file.length() - ".launch.yaml".length());
    return middle.isEmpty() || (middle.startsWith(".") && middle.indexOf('.', 1) < 0);
  }

  public Path root() {
    return root;
  }

  /** Every corpus source, sorted by name. */
  public List<CorpusKernel> kernels() {
    return kernels;
  }

  public Optional<CorpusKernel> kernel(String name) {
    return kernels.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The listing of kernel {@code name} for {@code arch}, failing with a clear message if absent. */
  public Path listing(String name, String arch) throws InputException {
    CorpusKernel k = kernel(name).orElseThrow(() -> new InputException(root.toString(), 0,
        "no corpus kernel named '" + name + "'"));
    if (!k.builtFor(arch)) {
      throw new InputException(k.source().toString(), 0,
          "corpus kernel '" + name + "' is built only for " + k.archs() + ", not " + arch);
    }
    return k.listing(arch);
  }
}
