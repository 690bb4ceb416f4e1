package io.sassim.bench;

import io.sassim.isa.InputException;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.model.WarpTrace;
import io.sassim.traces.stats.InputSize;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how fast each trace format streams into the model: Accel-Sim text, Accel-Sim text
 * compressed with xz, and the native format, all holding the same instructions. A read ends when
 * every CTA has been handed out as model objects; what a consumer then does with them costs the
 * same whatever the format, so it is left out. Each format is warmed up first so that the JIT has
 * compiled its reader.
 */
public final class TraceReadBenchmark {

  /**
   * One format's figures, from the fastest of the timed reads: on a shared machine the slower
   * reads measure the neighbours more than the reader, so the fastest is the most reproducible.
   * The median is kept to show the spread.
   */
  public record Result(
      String format, long bytes, long warpInstructions, double seconds, double medianSeconds) {
    public double warpInstructionsPerSecond() {
      return warpInstructions / seconds;
    }

    public double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  private final Path work;
  private final int repeats;
  private final long warmUpNanos;
  private final boolean fork;

  /**
   * @param work an empty folder for the converted copies
   * @param repeats timed reads per format; the fastest is reported, with the median
   * @param warmUpSeconds untimed reads per format first, for at least this long
   * @param fork time each format in a JVM of its own, as JMH does, so that one reader's JIT
   *     profile and heap never slow another's
   */
  public TraceReadBenchmark(Path work, int repeats, double warmUpSeconds, boolean fork) {
    this.work = work;
    this.repeats = repeats;
    this.warmUpNanos = (long) (warmUpSeconds * 1e9);
    this.fork = fork;
  }

  /** Writes {@code input}, {@code copies} times over, in each format and times reading each. */
  public List<Result> run(Path input, int copies) throws InputException, IOException {
    Path text = work.resolve("accelsim");
    Path textXz = work.resolve("accelsim-xz");
    Path nat = work.resolve("trace.sstrace");
    try (TraceSource source = new ReplicatedTraceSource(TraceFiles.open(input), copies)) {
      write(source, text, TraceFormat.ACCELSIM, false);
      write(source, textXz, TraceFormat.ACCELSIM, true);
    }
    try (TraceSource source = TraceFiles.open(text)) {
      write(source, nat, TraceFormat.NATIVE, false);
    }
    List<Result> results = new ArrayList<>();
    results.add(time("accelsim text", text));
    results.add(time("accelsim text.xz", textXz));
    results.add(time("native", nat));
    return results;
  }

  private static void write(TraceSource source, Path out, TraceFormat format, boolean xz)
      throws InputException, IOException {
    try (TraceWriter writer = TraceFiles.writer(out, format, xz)) {
      TraceFiles.copy(source, writer);
    }
  }

  private Result time(String name, Path path) throws InputException, IOException {
    long bytes;
    try (TraceSource source = TraceFiles.open(path)) {
      bytes = InputSize.of(source);
    }
    double[] seconds = new double[repeats];
    long instructions = fork ? timeInFork(path, seconds) : timeHere(path, seconds);
    Arrays.sort(seconds);
    return new Result(name, bytes, instructions, seconds[0], seconds[repeats / 2]);
  }

  /** Child JVM entry: {@code PATH REPEATS WARM_UP_NANOS}; prints the count, then each time. */
  public static void main(String[] args) throws InputException {
    TraceReadBenchmark child =
        new TraceReadBenchmark(null, Integer.parseInt(args[1]), Long.parseLong(args[2]) / 1e9, false);
    double[] seconds = new double[child.repeats];
    long instructions = child.timeHere(Path.of(args[0]), seconds);
    StringBuilder line = new StringBuilder().append(instructions);
    for (double s : seconds) {
      line.append(' ').append(s);
    }
    System.out.println(line);
  }

  private long timeInFork(Path path, double[] seconds) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        TraceReadBenchmark.class.getName(), path.toString(), Integer.toString(repeats),
        Long.toString(warmUpNanos)));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (child.waitFor() != 0) {
        throw new IOException("benchmark child for " + path + " exited with " + child.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while timing " + path, e);
    }
    String[] fields = out.strip().split(" ");
    if (fields.length != repeats + 1) {
      throw new IOException("benchmark child for " + path + " printed '" + out.strip() + "'");
    }
    for (int r = 0; r < repeats; r++) {
      seconds[r] = Double.parseDouble(fields[r + 1]);
    }
    return Long.parseLong(fields[0]);
  }

  private long timeHere(Path path, double[] seconds) throws InputException {
    long instructions = 0;
    long warmUpEnd = System.nanoTime() + warmUpNanos;
    for (int pass = 0; pass < 1 || System.nanoTime() < warmUpEnd; pass++) {
      readAll(path); // JIT and page cache
    }
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      instructions = readAll(path);
      seconds[r] = (System.nanoTime() - start) / 1e9;
    }
    return instructions;
  }

  /** Reads every CTA of every kernel; returns the warp instruction count. */
  static long readAll(Path path) throws InputException {
    try (TraceSource source = TraceFiles.open(path)) {
      return readAll(source);
    }
  }

  private static long readAll(TraceSource source) throws InputException {
    long instructions = 0;
    for (TraceCommand command : source.commands()) {
      if (!(command instanceof TraceCommand.Kernel k)) {
        continue;
      }
      try (KernelTrace kernel = source.openKernel(k)) {
        for (CtaTrace cta = kernel.nextCta(); cta != null; cta = kernel.nextCta()) {
          for (WarpTrace w : cta.warps()) {
            instructions += w.length();
          }
        }
      }
    }
    return instructions;
  }
}
