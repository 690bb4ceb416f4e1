package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.traces.stats.StatisticsJson;
import io.sassim.traces.stats.StatisticsText;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.stats.TraceStatistics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sassim trace stats IN [--json]}. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Report a trace's kernels, CTAs, warps, instruction mix by unit class, memory footprint and "
          + "bytes per instruction.",
      "IN is a folder, a kernelslist.g, a kernel-N.traceg[.xz] or a native trace."
    })
final class TraceStatsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "IN", description = "Trace to read.")
  Path input;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Mixin TraceInputOptions inputOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    TraceStatistics stats;
    try (TraceSource source = inputOptions.open(input)) {
      stats = TraceStatistics.compute(source);
      TraceInputOptions.reportMismatches(source, spec.commandLine().getErr());
    }
    spec.commandLine().getOut().print(json ? StatisticsJson.render(stats) : StatisticsText.render(stats));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
