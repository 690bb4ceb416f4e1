package io.sassim.sim.config;

import io.sassim.isa.InputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads GPU configs from {@code configs/} (docs/configs.md): one YAML file per GPU, which
 * {@code extends} a per-architecture base file, which may extend further. The merged result is
 * checked once, here; every problem is an {@link InputException} naming the file and line that
 * supplied the value and the field's dotted path, e.g. {@code configs/hopper/h100-sxm.yaml:12:
 * occupancy.subcores: must be in 1..8, got 0}.
 */
public final class GpuConfigLoader {

  /** Folder of {@code configs/} whose files are only extended, never loaded as a GPU. */
  public static final String BASE_DIR = "base";

  private GpuConfigLoader() {}

  public static GpuConfig load(Path file) throws InputException {
    return load(file, Map.of());
  }

  /**
   * Loads {@code file} and sets each override's dotted field path ({@code
   * frontEnd.prefetcher.entries}) to its value before checking, as a sweep does. A value may be
   * an Integer, Long, Double, Boolean, a Map for a whole sub-record, or a String, which is read as
   * a YAML scalar ({@code "8"} is the integer 8). An unknown path or a wrong type is an error
   * naming the file {@code override}.
   */
  public static GpuConfig load(Path file, Map<String, ?> overrides) throws InputException {
    ConfigTree tree = ConfigTree.read(file);
    for (Map.Entry<String, ?> e : overrides.entrySet()) {
      tree.override(e.getKey(), e.getValue());
    }
    return new ConfigBinder(tree).bind();
  }

  /**
   * A GPU by name ({@code rtx-a6000}: the file {@code rtx-a6000.yaml} anywhere under {@code
   * configsDir} outside {@code base/}), or by path when the argument ends in {@code .yaml} or
   * {@code .yml}.
   */
  public static GpuConfig byName(String nameOrPath, Path configsDir) throws InputException {
    return load(fileFor(nameOrPath, configsDir));
  }

  /**
   * The file {@link #byName} loads: the path itself when it ends in {@code .yaml} or {@code
   * .yml}, else the one {@code NAME.yaml} under {@code configsDir} outside {@code base/}. With
   * it, callers that add overrides ({@link #load(Path, Map)}) resolve names as {@code byName}
   * does.
   */
  public static Path fileFor(String nameOrPath, Path configsDir) throws InputException {
    if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
      return Path.of(nameOrPath);
    }
    List<Path> found = new ArrayList<>();
    for (Path p : gpuFiles(configsDir)) {
      if (nameOf(p).equals(nameOrPath)) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      throw new InputException(configsDir.toString(), 0, "no GPU config named '" + nameOrPath
          + "' (known: " + String.join(", ", names(configsDir)) + "; or give a .yaml file)");
    }
    if (found.size() > 1) {
      throw new InputException(configsDir.toString(), 0, "GPU config name '" + nameOrPath
          + "' is ambiguous: " + found);
    }
    return found.get(0);
  }

  /** Names of the GPUs under {@code configsDir} (its YAML files outside {@code base/}), sorted. */
  public static List<String> names(Path configsDir) throws InputException {
    TreeSet<String> names = new TreeSet<>();
    for (Path p : gpuFiles(configsDir)) {
      names.add(nameOf(p));
    }
    return List.copyOf(names);
  }

  /**
   * The repository's {@code configs/} for the command line: the system property {@code
   * sassim.configs} when set; else {@code <sassim.repoRoot>/configs} (set for tests); else the
   * {@code configs/} of the checkout that holds this class's jar or classes folder ({@code
   * <repo>/simulator/target/...}), which is how {@code scripts/sassim} runs; else {@code
   * ./configs}.
   */
  public static Path defaultConfigsDir() {
    String explicit = System.getProperty("sassim.configs");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String root = System.getProperty("sassim.repoRoot");
    if (root != null && !root.isBlank() && Files.isDirectory(Path.of(root, "configs"))) {
      return Path.of(root, "configs");
    }
    CodeSource source = GpuConfigLoader.class.getProtectionDomain().getCodeSource();
    if (source != null) {
      try {
        // <repo>/simulator/target/sassim.jar or <repo>/simulator/target/classes
        Path repo = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
        for (int up = 0; up < 2 && repo != null; up++) {
          repo = repo.getParent();
        }
        if (repo != null && Files.isDirectory(repo.resolve("configs"))) {
          return repo.resolve("configs");
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // a code source that is not a local file: fall back to the working directory
      }
    }
    return Path.of("configs");
  }

  /** The fully resolved config as YAML that {@link #load} reads back to an equal record. */
  public static String toYaml(GpuConfig config) {
    return ConfigYamlWriter.write(config);
  }

  private static List<Path> gpuFiles(Path configsDir) throws InputException {
    if (!Files.isDirectory(configsDir)) {
      throw new InputException(configsDir.toString(), 0, "no such configs folder");
    }
    Path base = configsDir.resolve(BASE_DIR);
    try (Stream<Path> s = Files.walk(configsDir)) {
      return s.filter(p -> !p.startsWith(base) && Files.isRegularFile(p))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException(configsDir.toString(), 0, "cannot list: " + e.getMessage(), e);
    }
  }

  private static String nameOf(Path file) {
    String f = file.getFileName().toString();
    return f.substring(0, f.lastIndexOf('.'));
  }
}
