package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.traces.control.ControlBitSource;
import io.sassim.traces.control.ControlMismatch;
import io.sassim.traces.control.ControlledTraceSource;
import io.sassim.traces.control.MismatchPolicy;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.model.TraceSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that read a trace: where control bits come from. */
final class TraceInputOptions {

  @Option(
      names = "--control",
      paramLabel = "FILE",
      split = ",",
      description = "SASS listings (.sass) or cubins (.cubin) of the traced program; their control "
          + "bits are attached to the trace, matched by kernel name and PC.")
  List<Path> controlFiles = List.of();

  @Option(
      names = "--lenient-control",
      description = "Report control-bit mismatches and run those kernels without control bits, "
          + "instead of failing.")
  boolean lenientControl;

  /** Prints, one per line, the mismatches a lenient attachment let through. */
  static void reportMismatches(TraceSource source, PrintWriter err) {
    if (source instanceof ControlledTraceSource controlled) {
      for (ControlMismatch m : controlled.mismatches()) {
        err.println(m.message());
      }
    }
  }

  /** Opens {@code input}, attaching control bits when files were given. */
  TraceSource open(Path input) throws InputException {
    TraceSource source = TraceFiles.open(input);
    if (controlFiles.isEmpty()) {
      return source;
    }
    return new ControlledTraceSource(
        source,
        ControlBitSource.read(controlFiles),
        lenientControl ? MismatchPolicy.REPORT : MismatchPolicy.FAIL);
  }
}
