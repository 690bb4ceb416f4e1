package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by commands that simulate: which GPU config, and overrides of its fields. */
final class GpuOptions {

  @Option(
      names = "--gpu",
      paramLabel = "NAME|FILE.yaml",
      description = "GPU config: a name from configs/ (rtx-a6000, rtx-3090, a100, rtx-4090, "
          + "h100-sxm, h200, h800-pcie) or a config file.")
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
    Path dir = GpuConfigLoader.defaultConfigsDir();
    return GpuConfigLoader.load(GpuConfigLoader.fileFor(gpu, dir), overrides());
  }
}
