package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
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

/** {@code sassim trace convert IN OUT --format native|accelsim}. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a trace between Accel-Sim text and sassim's native format.",
      "IN is a folder, a kernelslist.g, a kernel-N.traceg[.xz] or a native trace. OUT is a native "
          + "trace file or an Accel-Sim folder; it appears only when the conversion succeeds."
    })
final class TraceConvertCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", description = "Trace to read.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Where to write.")
  Path output;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "native|accelsim",
      converter = FormatConverter.class,
      description = "Output format.")
  TraceFormat format;

  @Option(names = "--xz", description = "Accel-Sim output: write kernel-N.traceg.xz files.")
  boolean xz;

  @Mixin TraceInputOptions inputOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    if (Files.exists(output)) {
      throw new InputException(output, 0, "already exists; choose a new name or remove it first");
    }
    long start = System.nanoTime();
    TraceFiles.Copied copied;
    try (TraceSource source = inputOptions.open(input);
        TraceWriter writer = TraceFiles.writer(output, format, xz)) {
      copied = TraceFiles.copy(source, writer);
      TraceInputOptions.reportMismatches(source, spec.commandLine().getErr());
    } catch (IOException e) {
      throw new InputException(output.toString(), 0, "cannot write: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s -> %s (%s): %d kernels, %d warp instructions in %.2f s%n",
        input, output, format.name().toLowerCase(), copied.kernels(), copied.warpInstructions(),
        seconds);
    if (format == TraceFormat.ACCELSIM && copied.kernelsWithControlBits() > 0) {
      spec.commandLine().getErr().printf(
          "note: %d kernels carried control bits; Accel-Sim text has no place for them, so %s "
              + "holds none (keep them with --format native, or pass --control when reading it)%n",
          copied.kernelsWithControlBits(), output);
    }
    return 0;
  }

  /** Lets picocli report a bad --format value as a usage error. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<TraceFormat> {
    @Override
    public TraceFormat convert(String value) {
      try {
        return TraceFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
