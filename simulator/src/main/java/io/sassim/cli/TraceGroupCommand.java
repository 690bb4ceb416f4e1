package io.sassim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sassim trace}: the trace tools, one subcommand each. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Convert and inspect traces (Accel-Sim NVBit text or sassim's native format).",
    subcommands = {TraceConvertCommand.class, TraceStatsCommand.class})
final class TraceGroupCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
