package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --arch} choice shared by the commands that emulate a launch spec. */
final class LaunchOptions {
  /** Tried in this order when {@code --arch} is not given. */
  private static final List<Architecture> PREFERRED = List.of(
      Architecture.SM_86, Architecture.SM_80, Architecture.SM_89, Architecture.SM_90, Architecture.SM_90A);

  @Option(names = "--arch", paramLabel = "sm_XX",
      description = "Target whose binary to run (default: sm_86, else the first the spec has a binary for).")
  String arch;

  /** The emulator for {@code launch} on the chosen target. */
  Emulator emulator(Path launch) throws InputException {
    LaunchSpec spec = LaunchSpecLoader.load(launch);
    return Emulator.forLaunch(spec, architecture(spec));
  }

  private Architecture architecture(LaunchSpec spec) throws InputException {
    if (arch != null) {
      Architecture a = Architecture.parse(arch);
      if (a == null) {
        throw new InputException("--arch", 0, "unknown target '" + arch + "' (sm_80, sm_86, sm_89, sm_90, sm_90a)");
      }
      return a;
    }
    for (Architecture a : PREFERRED) {
      if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
        return a;
      }
    }
    throw new InputException(spec.source(), 0, "no binary for any target; looked for " + spec.binary());
  }
}
