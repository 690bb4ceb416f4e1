package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.BufferArg;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sassim emulate LAUNCH.yaml [--dump OUTDIR]}: runs a launch without recording a trace. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Execute a launch functionally, thread by thread, from its compiled SASS, and report the "
          + "dynamic warp-instruction count.",
      "With --dump, write each output buffer as raw little-endian bytes to OUTDIR/<argname>.bin; "
          + "OUTDIR appears only when the launch completes."
    })
final class EmulateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "LAUNCH.yaml", description = "Launch spec (docs/launch-spec.md).")
  Path launch;

  @Option(names = "--dump", paramLabel = "OUTDIR", description = "Folder to create with one <argname>.bin per output buffer.")
  Path dump;

  @Mixin LaunchOptions launchOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    if (dump != null && Files.exists(dump)) {
      throw new InputException(dump, 0, "already exists; choose a new name or remove it first");
    }
    Emulator emulator = launchOptions.emulator(launch);
    long start = System.nanoTime();
    EmulationResult result;
    try {
      result = emulator.run(null);
    } catch (IOException e) {
      throw new InputException(launch.toString(), 0, e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (dump != null) {
      BufferDump.write(dump, emulator.spec(), result.buffers());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s (%s, %s): %d CTAs, %d warp instructions, %d thread instructions in %.2f s%n",
        launch, emulator.kernel().name(), emulator.kernel().architecture(),
        emulator.spec().grid().volume(), result.warpInstructions(), result.threadInstructions(), seconds);
    out.flush();
    return 0;
  }
}
