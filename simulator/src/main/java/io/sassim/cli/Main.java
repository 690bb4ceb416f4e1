package io.sassim.cli;

import io.sassim.isa.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code sassim} launcher. Each subcommand is its own class. */
@Command(
    name = "sassim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Cycle-level simulator of modern NVIDIA GPU cores (Ampere, Ada, Hopper).",
    subcommands = {SassCommand.class, TraceGroupCommand.class, EmulateCommand.class, RunCommand.class,
      SweepCommand.class, SweepTaskCommand.class, BenchCommand.class, ValidateCommand.class,
      ImportNcuCommand.class})
public final class Main implements Runnable {

  /** Exit code for bad input: malformed files, unknown names, unsupported content. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code of {@code sassim run} when the watchdog finds no forward progress. */
  public static final int EXIT_STUCK = 3;

  @Option(names = "--verbose", description = "Print stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code; used by tests too. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handleFailure);
    return cli.execute(args);
  }

  private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    boolean verbose = parsed.hasMatchedOption("--verbose")
        || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
    if (e instanceof InputException) {
      System.err.println(e.getMessage());
    } else {
      System.err.println("sassim: internal error: " + e);
      verbose = true;
    }
    if (verbose) {
      e.printStackTrace(System.err);
    }
    return e instanceof InputException ? EXIT_BAD_INPUT : 1;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sassim " + (v == null ? "(development build)" : v)};
    }
  }
}
