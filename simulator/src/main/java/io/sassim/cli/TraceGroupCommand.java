package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.record.EmulatedTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sassim trace}: with a launch spec, emulates the launch and records its trace
 * ({@code sassim trace LAUNCH.yaml -o DIR}); otherwise the trace tools, one subcommand each.
 */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Record the trace of a launch by emulating it (sassim trace LAUNCH.yaml -o OUT), or convert "
          + "and inspect traces (Accel-Sim NVBit text or sassim's native format).",
      "OUT appears only when the whole launch was emulated; an unsupported instruction exits 2."
    },
    subcommands = {TraceConvertCommand.class, TraceStatsCommand.class})
final class TraceGroupCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "LAUNCH.yaml", description = "Launch spec to emulate and trace.")
  Path launch;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "Accel-Sim trace folder to create (a native trace file with --format native).")
  Path output;

  @Option(
      names = "--format",
      defaultValue = "accelsim",
      paramLabel = "native|accelsim",
      converter = TraceConvertCommand.FormatConverter.class,
      description = "Output format (default ${DEFAULT-VALUE}; native keeps the listing's control bits).")
  TraceFormat format;

  @Option(names = "--xz", description = "Accel-Sim output: write kernel-N.traceg.xz files.")
  boolean xz;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Mixin LaunchOptions launchOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    if (launch == null) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
    if (output == null) {
      throw new InputException(launch.toString(), 0, "say where the trace goes with -o OUT");
    }
    if (Files.exists(output)) {
      throw new InputException(output, 0, "already exists; choose a new name or remove it first");
    }
    Emulator emulator = launchOptions.emulator(launch);
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    EmulationResult result;
    try (TraceWriter writer = TraceFiles.writer(output, format, xz)) {
      result = EmulatedTrace.record(emulator, writer,
          ProgressBar.forGrid(err, emulator.spec().grid().volume(), quiet));
      writer.commit();
    } catch (IOException e) {
      throw new InputException(output.toString(), 0, "cannot write: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    spec.commandLine().getOut().printf("%s (%s, %s) -> %s (%s): %d CTAs, %d warp instructions in %.2f s%n",
        launch, emulator.kernel().name(), emulator.kernel().architecture(), output,
        format.name().toLowerCase(), emulator.spec().grid().volume(), result.warpInstructions(), seconds);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
