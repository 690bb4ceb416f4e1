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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures how fast each trace format streams into the model: Accel-Sim text, Accel-Sim text
 * compressed with xz, and the native format, all holding the same instructions. A read ends when
 * every CTA has been handed out as model objects; what a consumer then does with them costs the
 * same whatever the format, so it is left out. Each format is warmed up first so that the JIT has
 * compiled its reader.
 */
public final class TraceReadBenchmark {

  /** One format's figures. */
  public record Result(String format, long bytes, long warpInstructions, double seconds) {
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

  /**
   * @param work an empty folder for the converted copies
   * @param repeats timed reads per format; the median is reported
   * @param warmUpSeconds untimed reads per format first, for at least this long
   */
  public TraceReadBenchmark(Path work, int repeats, double warmUpSeconds) {
    this.work = work;
    this.repeats = repeats;
    this.warmUpNanos = (long) (warmUpSeconds * 1e9);
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

  private Result time(String name, Path path) throws InputException {
    long bytes = sizeOf(path);
    double[] seconds = new double[repeats];
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
    Arrays.sort(seconds);
    return new Result(name, bytes, instructions, seconds[repeats / 2]);
  }

  /** Reads every CTA of every kernel; returns the warp instruction count. */
  static long readAll(Path path) throws InputException {
    try (TraceSource source = TraceFiles.open(path)) {
      return readAll(source);
    }
  }

  private static long readAll(TraceSource source) throws InputException {
    long instructions = 0;
    long checksum = 0;
    for (TraceCommand command : source.commands()) {
      if (!(command instanceof TraceCommand.Kernel k)) {
        continue;
      }
      try (KernelTrace kernel = source.openKernel(k)) {
        for (CtaTrace cta = kernel.nextCta(); cta != null; cta = kernel.nextCta()) {
          for (WarpTrace w : cta.warps()) {
            instructions += w.length();
            checksum += w.totalAddresses();
          }
        }
      }
    }
    if (checksum == 42) {
      System.out.print(""); // keeps the loop's work observable to the JIT
    }
    return instructions;
  }

  static long sizeOf(Path path) {
    if (Files.isRegularFile(path)) {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(TraceReadBenchmark::sizeOf).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
