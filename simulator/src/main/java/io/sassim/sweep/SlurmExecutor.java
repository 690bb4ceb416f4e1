package io.sassim.sweep;

import io.sassim.isa.AtomicFiles;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks as Slurm job arrays (docs/sweeps.md, ../shared/reference/slurm.md): the missing
 * tasks are listed in a file, one array of at most {@link #MAX_ARRAY} elements is submitted per
 * chunk with {@code sbatch --parsable}, and each array element runs {@code sassim sweep-task} on
 * the list entry its {@code SLURM_ARRAY_TASK_ID} names, writing its result file to the shared
 * output folder. The driver polls {@code squeue} until no element is pending or running; a task
 * without a result file then has failed, and its log is named. Results are read from the files,
 * never from accounting, which works the same on a one-node CI cluster and on a real one.
 */
public final class SlurmExecutor implements SweepExecutor {

  /** Array elements per submission: Slurm's default MaxArraySize of 1001 allows indices 0..1000. */
  static final int MAX_ARRAY = 1000;

  /** squeue states after which an element will not run again. */
  private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING",
      "COMPLETING", "SUSPENDED", "REQUEUED", "RESIZING", "SIGNALING", "STAGE_OUT");

  private final List<String> taskCommand;
  private final List<String> sbatchArgs;
  private final double pollSeconds;
  private final boolean terminal;

  /**
   * @param taskCommand the command that starts sassim on a node, e.g. {@code [java, -cp, JAR,
   *     io.sassim.cli.Main]}; {@code sweep-task ...} is appended
   * @param sbatchArgs extra sbatch options (partition, time limit, account), passed as given
   * @param pollSeconds pause between squeue polls
   */
  public SlurmExecutor(List<String> taskCommand, List<String> sbatchArgs, double pollSeconds,
      boolean terminal) {
    this.taskCommand = List.copyOf(taskCommand);
    this.sbatchArgs = List.copyOf(sbatchArgs);
    this.pollSeconds = pollSeconds;
    this.terminal = terminal;
  }

  /** One submitted array: its job id and the tasks its elements run, by element index. */
  private record Array(String jobId, List<SweepTask> tasks) {}

  @Override
  public List<String> run(TaskRunner runner, List<SweepTask> tasks, PrintWriter err)
      throws SweepException {
    SweepStore store = runner.store();
    Path slurmDir = store.slurm();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    // A stale result (from a different spec) would count as progress while its task is queued.
    for (SweepTask t : tasks) {
      try {
        Files.deleteIfExists(store.fileOf(t));
      } catch (IOException e) {
        throw new SweepException("cannot replace " + store.fileOf(t) + ": " + e.getMessage(), e);
      }
    }
    List<Array> arrays = new ArrayList<>();
    for (int from = 0; from < tasks.size(); from += MAX_ARRAY) {
      List<SweepTask> chunk = tasks.subList(from, Math.min(tasks.size(), from + MAX_ARRAY));
      Path list = slurmDir.resolve("array-" + stamp + "-" + arrays.size() + ".tasks");
      StringBuilder text = new StringBuilder();
      for (SweepTask t : chunk) {
        text.append(t.index()).append('\n');
      }
      try {
        AtomicFiles.writeOutput(list, text.toString());
      } catch (InputException e) {
        throw new SweepException(e.getMessage(), e);
      }
      String jobId = submit(runner.spec().file(), store, list, chunk.size());
      err.printf("sweep: submitted Slurm job array %s (%d tasks; logs in %s)%n", jobId,
          chunk.size(), slurmDir);
      err.flush();
      arrays.add(new Array(jobId, List.copyOf(chunk)));
    }
    Map<String, String> states = waitForAll(arrays, runner, tasks, err);
    List<String> failures = new ArrayList<>();
    for (Array a : arrays) {
      for (int i = 0; i < a.tasks().size(); i++) {
        SweepTask t = a.tasks().get(i);
        if (store.read(t, runner.spec().metrics()) != null) {
          continue;
        }
        String element = a.jobId() + "_" + i;
        Path log = slurmDir.resolve(element + ".log");
        String state = states.getOrDefault(element, "gone");
        failures.add("point " + t.point().index() + " (" + t.point().label() + ") on "
            + t.workload().name() + ": Slurm task " + element + " " + state + " without a result"
            + lastLine(log) + " (log: " + log + ")");
      }
    }
    return failures;
  }

  private String submit(Path spec, SweepStore store, Path list, int count) throws SweepException {
    List<String> inner = new ArrayList<>(taskCommand);
    inner.addAll(List.of("sweep-task", spec.toAbsolutePath().normalize().toString(),
        store.dir().toString(), "--list", list.toString()));
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--array=0-" + (count - 1),
        "--job-name=sassim-sweep", "--output=" + store.slurm().resolve("%A_%a.log"),
        "--chdir=" + store.dir()));
    cmd.addAll(sbatchArgs);
    cmd.add("--wrap=exec " + shellWords(inner));
    Result r = exec(cmd, 60);
    if (r.status != 0) {
      throw new SweepException("sbatch failed (exit " + r.status + "): " + r.err.strip());
    }
    String id = r.out.strip();
    int semicolon = id.indexOf(';'); // jobid;cluster on multi-cluster set-ups
    if (semicolon >= 0) {
      id = id.substring(0, semicolon);
    }
    if (!id.matches("[0-9]+")) {
      throw new SweepException("sbatch printed no job id: '" + r.out.strip() + "'");
    }
    return id;
  }

  /** Polls until no element of any array is active; returns each element's last state. */
  private Map<String, String> waitForAll(List<Array> arrays, TaskRunner runner,
      List<SweepTask> tasks, PrintWriter err) throws SweepException {
    SweepProgress progress = new SweepProgress(err, tasks.size(), terminal);
    Map<String, String> states = new HashMap<>();
    while (true) {
      boolean active = false;
      for (Array a : arrays) {
        active |= poll(a.jobId(), states);
      }
      int done = 0;
      for (SweepTask t : tasks) {
        if (Files.isRegularFile(runner.store().fileOf(t))) {
          done++;
        }
      }
      progress.finishedSoFar(done);
      if (!active) {
        return states;
      }
      try {
        Thread.sleep((long) (pollSeconds * 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SweepException("interrupted while waiting for Slurm; the job keeps running "
            + "(scancel " + arrays.get(0).jobId() + " to stop it)", e);
      }
    }
  }

  /**
   * One {@code squeue} of a job: records each element's state and says whether any is still
   * active. A finished job is purged after MinJobAge, when squeue answers "Invalid job id": gone.
   */
  private boolean poll(String jobId, Map<String, String> states) throws SweepException {
    Result r = exec(List.of("squeue", "-h", "-r", "-t", "all", "-j", jobId, "-o", "%i|%T|%r"), 60);
    if (r.status != 0) {
      if (r.err.contains("Invalid job id")) {
        return false;
      }
      throw new SweepException("squeue failed (exit " + r.status + "): " + r.err.strip());
    }
    boolean active = false;
    for (String line : r.out.split("\n")) {
      String[] f = line.strip().split("\\|");
      if (f.length < 2) {
        continue;
      }
      String state = f[1] + (f.length > 2 && !f[2].equals("None") ? " (" + f[2] + ")" : "");
      states.put(f[0], state);
      active |= ACTIVE.contains(f[1]);
    }
    return active;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return ": " + lines.get(i).strip();
        }
      }
    } catch (IOException e) {
      // no log: the element never started
    }
    return "";
  }

  /** Words quoted for {@code sh}: each in single quotes, inner quotes escaped. */
  static String shellWords(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append('\'').append(w.replace("'", "'\\''")).append('\'');
    }
    return out.toString();
  }

  private record Result(int status, String out, String err) {}

  private static Result exec(List<String> cmd, int timeoutSeconds) throws SweepException {
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      // Both streams are small; read stderr on a thread so that neither can fill up and block.
      StringBuilder errText = new StringBuilder();
      Thread errReader = new Thread(() -> {
        try {
          errText.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          errText.append(e.getMessage());
        }
      });
      errReader.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new SweepException(cmd.get(0) + " did not answer in " + timeoutSeconds + " s");
      }
      errReader.join();
      return new Result(p.exitValue(), out, errText.toString());
    } catch (IOException e) {
      throw new SweepException("cannot run " + cmd.get(0) + ": " + e.getMessage()
          + " (is Slurm installed and on the PATH?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepException("interrupted", e);
    }
  }
}
