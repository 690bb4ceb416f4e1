package io.sassim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sassim.isa.AtomicFiles;
import io.sassim.isa.InputException;
import io.sassim.validation.profiler.NcuImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sassim import-ncu --capture C --csv F -o OUT}: joins the Nsight Compute counters of a
 * profiled harness run (scripts/device-profile.sh) to its capture, for {@code sassim validate}.
 */
@Command(
    name = "import-ncu",
    mixinStandardHelpOptions = true,
    description = {
      "Join Nsight Compute's per-launch counters (ncu --csv --page raw) to the harness capture "
          + "of the run that was profiled, and write a capture whose kernel cycles are the "
          + "profiler's gpc__cycles_elapsed.max (docs/validation.md, \"Hardware counters\").",
      "Exit codes: 0 written, 2 bad input (not a capture, not an ncu CSV, launches that do not "
          + "match the capture's cases), 1 internal error."
    })
final class ImportNcuCommand implements Callable<Integer> {

  @Option(names = "--capture", required = true, paramLabel = "FILE",
      description = "The harness capture written by the profiled run.")
  Path capture;

  @Option(names = "--csv", required = true, paramLabel = "FILE",
      description = "ncu --import REPORT --csv --page raw, of the same run.")
  Path csv;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
      description = "The joined capture; written atomically.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    ObjectNode joined = NcuImport.join(capture, csv);
    AtomicFiles.writeOutput(out, NcuImport.render(joined));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("import-ncu: " + joined.path("cases").size() + " cases joined to "
        + joined.path("profiler").path("launches").asInt() + " profiled launches; wrote " + out);
    stdout.flush();
    return 0;
  }
}
