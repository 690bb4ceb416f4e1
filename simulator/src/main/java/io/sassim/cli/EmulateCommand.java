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
      write(emulator, result);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s (%s, %s): %d CTAs, %d warp instructions, %d thread instructions in %.2f s%n",
        launch, emulator.kernel().name(), emulator.kernel().architecture(),
        emulator.spec().grid().volume(), result.warpInstructions(), result.threadInstructions(), seconds);
    out.flush();
    return 0;
  }

  /** Writes the output buffers into a hidden sibling folder, then renames it into place. */
  private void write(Emulator emulator, EmulationResult result) throws InputException {
    Path target = dump.toAbsolutePath().normalize();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createDirectory(target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()));
      for (BufferArg b : emulator.spec().buffers()) {
        if (b.output()) {
          Files.write(temp.resolve(b.name() + ".bin"), result.buffers().get(b.name()));
        }
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (IOException e) {
      throw new InputException(dump.toString(), 0, "cannot write: " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          com.google.common.io.MoreFiles.deleteRecursively(temp, com.google.common.io.RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException ignored) {
          // a leftover hidden temp folder is harmless
        }
      }
    }
  }
}
