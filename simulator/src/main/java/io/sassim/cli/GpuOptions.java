package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Options shared by commands that simulate: which GPU config, and overrides of its fields. */
final class GpuOptions {

  @Option(
      names = "--gpu",
      paramLabel = "NAME|FILE.yaml",
      description = "GPU config: a name from configs/ (rtx-a6000, rtx-3090, a100, rtx-4090, "
          + "h100-sxm, h800-pcie) or a config file.")
  String gpu;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override one config field by its dotted path, e.g. "
          + "watchdog.stallCycles=1000 (docs/configs.md); repeatable.")
  List<String> sets = new ArrayList<>();

  /** The overrides in the order given, path to value text. */
  Map<String, String> overrides() throws InputException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new InputException("--set", 0, "'" + s + "' is not PATH=VALUE");
      }
      out.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }
    return out;
  }

  /** The config with the overrides applied. */
  GpuConfig load() throws InputException {
    if (gpu == null) {
      throw new InputException("--gpu", 0, "missing: name a GPU config (" + String.join(", ",
          GpuConfigLoader.names(GpuConfigLoader.defaultConfigsDir())) + ") or a config file");
    }
    Map<String, String> overrides = overrides();
    if (overrides.isEmpty()) {
      return GpuConfigLoader.byName(gpu, GpuConfigLoader.defaultConfigsDir());
    }
    return GpuConfigLoader.load(configFile(), overrides);
  }

  /**
   * The file {@link GpuConfigLoader#byName} would load. The loader resolves names only without
   * overrides, so the name is resolved here the same way: {@code NAME.yaml} outside
   * {@code base/}; an unknown name is reported by the loader itself.
   */
  private Path configFile() throws InputException {
    if (gpu.endsWith(".yaml") || gpu.endsWith(".yml")) {
      return Path.of(gpu);
    }
    Path dir = GpuConfigLoader.defaultConfigsDir();
    Path base = dir.resolve(GpuConfigLoader.BASE_DIR);
    List<Path> found;
    try (Stream<Path> files = Files.walk(dir)) {
      found = files.filter(p -> !p.startsWith(base))
          .filter(p -> p.getFileName().toString().equals(gpu + ".yaml")
              || p.getFileName().toString().equals(gpu + ".yml"))
          .toList();
    } catch (IOException e) {
      throw new InputException(dir.toString(), 0, "cannot list: " + e.getMessage(), e);
    }
    if (found.size() != 1) {
      GpuConfigLoader.byName(gpu, dir); // throws its message for a missing or ambiguous name
      throw new InputException(dir.toString(), 0, "no single GPU config named '" + gpu + "'");
    }
    return found.get(0);
  }
}
