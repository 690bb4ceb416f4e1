package io.sassim.cli;

import io.sassim.isa.InputException;
import io.sassim.sweep.ReplayingRunner;
import io.sassim.sweep.SweepSpec;
import io.sassim.sweep.SweepSpecLoader;
import io.sassim.sweep.SweepStore;
import io.sassim.sweep.SweepTask;
import io.sassim.sweep.TaskRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sassim sweep-task SPEC DIR (TASK | --list FILE)}: runs one task of a sweep and writes its
 * result file; what each element of a Slurm job array runs. Hidden: users run {@code sweep}.
 */
@Command(
    name = "sweep-task",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Run one task of a sweep (a Slurm array element): TASK, or line "
        + "$SLURM_ARRAY_TASK_ID of --list FILE.")
final class SweepTaskCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC") Path specFile;

  @Parameters(index = "1", paramLabel = "DIR") Path output;

  @Parameters(index = "2", arity = "0..1", paramLabel = "TASK") Integer task;

  @Option(names = "--list", paramLabel = "FILE",
      description = "Task indices, one per line; the element runs line $SLURM_ARRAY_TASK_ID.")
  Path list;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InputException {
    PrintWriter err = spec.commandLine().getErr();
    SweepSpec sweep = SweepSpecLoader.load(specFile);
    int index = task != null ? task : fromList();
    List<SweepTask> tasks = sweep.tasks();
    if (index < 0 || index >= tasks.size()) {
      throw new InputException("TASK", 0, "must be in 0.." + (tasks.size() - 1) + ", got " + index);
    }
    SweepStore store = new SweepStore(output);
    SweepTask t = tasks.get(index);
    TaskRunner runner = new TaskRunner(sweep, store, new ReplayingRunner(store.traces()));
    try {
      runner.run(t);
    } catch (TaskRunner.TaskFailure e) {
      err.println("sassim: sweep-task " + index + ": " + e.getMessage());
      err.flush();
      return SweepCommand.EXIT_FAILED_POINTS;
    }
    spec.commandLine().getOut().println("sweep-task " + index + ": " + store.fileOf(t));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private int fromList() throws InputException {
    if (list == null) {
      throw new InputException("sweep-task", 0, "give TASK or --list FILE");
    }
    String element = System.getenv("SLURM_ARRAY_TASK_ID");
    if (element == null || !element.matches("[0-9]+")) {
      throw new InputException("--list", 0, "SLURM_ARRAY_TASK_ID is not set: --list is for "
          + "Slurm array elements");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(list.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
    int i = Integer.parseInt(element);
    if (i >= lines.size() || !lines.get(i).strip().matches("[0-9]+")) {
      throw new InputException(list.toString(), i + 1, "no task index for array element " + i);
    }
    return Integer.parseInt(lines.get(i).strip());
  }
}
