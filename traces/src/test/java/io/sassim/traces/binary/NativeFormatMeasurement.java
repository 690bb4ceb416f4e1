package io.sassim.traces.binary;

import io.sassim.isa.InputException;
import io.sassim.isa.launch.Dim3;
import io.sassim.traces.SharedTraces;
import io.sassim.traces.TraceTexts;
import io.sassim.traces.accelsim.AccelSimTraces;
import io.sassim.traces.model.CtaTrace;
import io.sassim.traces.model.InstructionTable;
import io.sassim.traces.model.KernelLaunch;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.model.WarpTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tukaani.xz.XZInputStream;

/**
 * The measurements behind the codec choice in {@code docs/trace-formats.md}: for the real traces
 * in {@code ../shared/traces} and three synthetic kernels made by replicating a real CTA with
 * moved addresses, the size of the text, of {@code xz -6} of the text and of the native file
 * under each codec, and how fast each is read. The text is read, and for the synthetic kernels
 * written, by the product Accel-Sim reader and writer. Off by default; run with
 *
 * <pre>
 * mvn -B -o -pl traces -am test -Dtest=NativeFormatMeasurement \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsassim.measure=true
 * </pre>
 *
 * The report goes to standard output and to {@code traces/target/native-format/report.md}.
 */
@EnabledIfSystemProperty(named = "sassim.measure", matches = "true")
class NativeFormatMeasurement {

  private static final int RUNS = 3;

  /** Codec, level and chunk size (1 = a chunk per CTA) to compare. */
  private static final Object[][] CONFIGS = {
    {Codec.STORED, 0, 1 << 20},
    {Codec.DEFLATE, 1, 1 << 20}, {Codec.DEFLATE, 6, 1 << 20}, {Codec.DEFLATE, 9, 1 << 20},
    {Codec.ZSTD, 0, 1}, {Codec.ZSTD, 0, 1 << 18}, {Codec.ZSTD, 0, 1 << 20}, {Codec.ZSTD, 0, 1 << 22},
    {Codec.LZMA2, 1, 1 << 20}, {Codec.LZMA2, 6, 1}, {Codec.LZMA2, 6, 1 << 20},
  };

  private final StringBuilder report = new StringBuilder();
  private Path work;

  @Test
  void measure() throws Exception {
    work = Path.of(System.getProperty("sassim.repoRoot"), "traces/target/native-format");
    Files.createDirectories(work);
    line("# Native format measurements, " + LocalDate.now() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version"));
    // -Dsassim.measure.only=WORD runs the datasets whose name contains WORD.
    String only = System.getProperty("sassim.measure.only", "");
    for (String program : SharedTraces.PROGRAMS) {
      if (program.contains(only)) {
        measureReal(SharedTraces.require(program + "/kernelslist.g"), program);
      }
    }
    Path matmul = SharedTraces.require(SharedTraces.MATRIXMUL + "/kernel-1.traceg");
    Path normal = SharedTraces.require(SharedTraces.FLASHINFER + "/kernel-1.traceg.xz");
    String[] names = {
      "synthetic matrixmul (sm_61), 20x20 CTAs of 32x32 threads",
      "synthetic flashinfer kernel-1 (sm_80), 600 CTAs of 256 threads",
      "synthetic gather: matrixmul with every address random, 10x10 CTAs",
    };
    Path[] templates = {matmul, normal, matmul};
    Dim3[] grids = {new Dim3(20, 20, 1), new Dim3(600, 1, 1), new Dim3(10, 10, 1)};
    AddressMap[] maps = {
      NativeFormatMeasurement::tiled, NativeFormatMeasurement::tiled,
      NativeFormatMeasurement::random,
    };
    for (int i = 0; i < names.length; i++) {
      if (names[i].contains(only)) {
        measureSynthetic(names[i], onlyKernel(templates[i]), grids[i], maps[i]);
      }
    }
    Files.writeString(work.resolve("report.md"), report);
  }

  /** A real command list: its kernel files as they are, the program as one native file. */
  private void measureReal(Path list, String name) throws Exception {
    TracedProgram program;
    List<Path> texts = new ArrayList<>();
    try (TraceSource source = AccelSimTraces.open(list)) {
      program = TracedProgram.readFrom(source);
      for (TraceCommand c : source.commands()) {
        if (c instanceof TraceCommand.Kernel kernel) {
          // The original text, not a rewrite of it, uncompressed beside its own xz -6.
          Path text = work.resolve(name.replace('/', '_') + "-" + (texts.size() + 1) + ".traceg");
          Files.writeString(text, TraceTexts.read(kernel.file()), StandardCharsets.UTF_8);
          texts.add(text);
        }
      }
    }
    Program p = new Program(name, program.warpInstructions(), texts) {
      @Override
      void writeNative(NativeTraceWriter writer) throws IOException {
        program.writeTo(writer);
      }
    };
    measure(p);
  }

  /** The one kernel of a {@code .traceg} file, read whole. */
  private static TracedProgram.Kernel onlyKernel(Path file) throws InputException {
    try (TraceSource source = AccelSimTraces.open(file)) {
      return (TracedProgram.Kernel) TracedProgram.readFrom(source).commands().get(0);
    }
  }

  /** Moves an address of a CTA's template. */
  private interface AddressMap {
    long map(Dim3 cta, long address, SplittableRandom random);
  }

  /** Shared-window offsets stay; global addresses move with the tile. */
  private static long tiled(Dim3 cta, long address, SplittableRandom random) {
    return address >>> 32 != 0 ? address + cta.x() * 0x80L + cta.y() * 0x20000L : address;
  }

  /** Every lane anywhere in 256 MiB: the worst case for every compressor. */
  private static long random(Dim3 cta, long address, SplittableRandom random) {
    return 0x7f0000000000L + (random.nextLong(1L << 28) & ~3L);
  }

  /** One real CTA repeated over a grid, its addresses moved per CTA by {@code map}. */
  private void measureSynthetic(String name, TracedProgram.Kernel template, Dim3 grid,
      AddressMap map) throws Exception {
    CtaTrace cta = template.ctas().get(0);
    KernelLaunch t = template.launch();
    KernelLaunch launch = new KernelLaunch(t.name(), 1, grid, t.block(), t.sharedBytes(),
        t.registersPerThread(), t.binaryVersion(), t.streamId(), t.sharedWindowBase(),
        t.localWindowBase(), t.tracerName(), t.tracerVersion(), t.lineInfo(), t.extraHeader());
    int count = (int) grid.volume();
    Iterable<CtaTrace> ctas = () -> new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < count;
      }

      @Override
      public CtaTrace next() {
        int x = i % grid.x();
        int y = i / grid.x();
        i++;
        return shifted(cta, new Dim3(x, y, 0), map);
      }
    };
    Path folder = work.resolve(name.split(" ")[1].replace(":", ""));
    Path text = folder.resolve("kernel-1.traceg");
    if (!Files.exists(folder)) {
      // Deterministic, so a previous run's file (and its .xz) can be reused.
      try (TraceWriter w = AccelSimTraces.writer(folder)) {
        writeKernel(w, launch, template, ctas);
      }
    }
    long warpInstructions = cta.warpInstructions() * count;
    Program p = new Program(name, warpInstructions, List.of(text)) {
      @Override
      void writeNative(NativeTraceWriter writer) throws IOException {
        writeKernel(writer, launch, template, ctas);
      }
    };
    measure(p);
  }

  private static void writeKernel(TraceWriter writer, KernelLaunch launch,
      TracedProgram.Kernel template, Iterable<CtaTrace> ctas) throws IOException {
    writer.beginKernel(launch);
    InstructionTable table = MetadataCodec.toTable(template.table());
    for (CtaTrace c : ctas) {
      writer.cta(c, table);
    }
    writer.endKernel();
    writer.commit();
  }

  private static CtaTrace shifted(CtaTrace cta, Dim3 id, AddressMap map) {
    SplittableRandom random = new SplittableRandom(id.x() * 1000L + id.y());
    List<WarpTrace> warps = new ArrayList<>();
    long[] lanes = new long[64];
    for (WarpTrace w : cta.warps()) {
      WarpTrace.Builder b = new WarpTrace.Builder(w.warpInCta(), w.length());
      for (int i = 0; i < w.length(); i++) {
        int n = w.addressCount(i);
        for (int k = 0; k < n; k++) {
          lanes[k] = map.map(id, w.address(i, k), random);
        }
        b.add(w.instructionId(i), w.activeMask(i), lanes, n, w.addressMode(i));
      }
      warps.add(b.build());
    }
    return new CtaTrace(id, warps);
  }

  /** A program measured as text files and as native files. */
  private abstract static class Program {
    final String name;
    final long warpInstructions;
    final List<Path> texts;

    Program(String name, long warpInstructions, List<Path> texts) {
      this.name = name;
      this.warpInstructions = warpInstructions;
      this.texts = texts;
    }

    abstract void writeNative(NativeTraceWriter writer) throws IOException;
  }

  private void measure(Program p) throws Exception {
    long textBytes = 0;
    long xzBytes = 0;
    List<Path> xzFiles = new ArrayList<>();
    for (Path text : p.texts) {
      textBytes += Files.size(text);
      Path xz = xz6(text);
      xzBytes += Files.size(xz);
      xzFiles.add(xz);
    }
    line("");
    line("## " + p.name);
    line(String.format(Locale.ROOT, "%,d warp instructions; .traceg text %,d bytes; xz -6 %,d bytes",
        p.warpInstructions, textBytes, xzBytes));
    line("");
    line("| form | bytes | / xz -6 | write s | read s | text MB/s | M warp inst/s |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    double textSeconds = best(() -> readText(p.texts));
    row(p, ".traceg (Accel-Sim reader)", textBytes, xzBytes, Double.NaN, textSeconds, textBytes);
    double xzSeconds = best(() -> readText(xzFiles));
    row(p, ".traceg.xz (Accel-Sim reader)", xzBytes, xzBytes, Double.NaN, xzSeconds, textBytes);
    double inflateSeconds = best(() -> xzDecodeOnly(xzFiles));
    row(p, ".traceg.xz, xz decoding alone", xzBytes, xzBytes, Double.NaN, inflateSeconds,
        textBytes);
    for (Object[] config : CONFIGS) {
      Codec codec = (Codec) config[0];
      int level = (Integer) config[1];
      int chunk = (Integer) config[2];
      Path file = work.resolve("out-" + codec + "-" + level + NativeTraces.EXTENSION);
      long start = System.nanoTime();
      try (NativeTraceWriter writer = new NativeTraceWriter(file, codec, level, chunk)) {
        p.writeNative(writer);
      }
      double writeSeconds = (System.nanoTime() - start) / 1e9;
      double readSeconds = best(() -> readNative(file, p.warpInstructions));
      String form = "native " + codec.name().toLowerCase(Locale.ROOT)
          + (codec == Codec.DEFLATE || codec == Codec.LZMA2 ? " " + level : "")
          + (codec == Codec.STORED ? "" : chunk == 1 ? ", chunk per CTA" : ", chunks " + (chunk >> 10) + " KiB");
      row(p, form, Files.size(file), xzBytes, writeSeconds, readSeconds, textBytes);
      if (codec == Codec.STORED) {
        line("| (columns before the codec: " + String.format(Locale.ROOT, "%,d", Files.size(file))
            + " bytes) | | | | | | |");
      }
      // zstd has no levels here, so codec and chunk size name the default.
      if (codec == NativeTraceWriter.DEFAULT_CODEC
          && chunk == NativeTraceWriter.DEFAULT_CHUNK_BYTES) {
        for (int threads : new int[] {1, 2}) {
          double s = best(() -> readParallel(file, threads, p.warpInstructions));
          row(p, form + ", readCta on " + threads + " thread" + (threads > 1 ? "s" : ""),
              Files.size(file), xzBytes, Double.NaN, s, textBytes);
        }
      }
      Files.delete(file);
    }
  }

  private void row(Program p, String form, long bytes, long xzBytes, double write, double read,
      long textBytes) {
    line(String.format(Locale.ROOT, "| %s | %,d | %.2f | %s | %.3f | %.0f | %.1f |", form, bytes,
        (double) bytes / xzBytes, Double.isNaN(write) ? "" : String.format(Locale.ROOT, "%.2f", write),
        read, textBytes / read / 1e6, p.warpInstructions / read / 1e6));
  }

  private Path xz6(Path text) throws IOException, InterruptedException {
    Path out = text.resolveSibling(text.getFileName() + ".xz");
    if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(text)) > 0) {
      return out;
    }
    Process proc = new ProcessBuilder("xz", "-6", "-T1", "-c", text.toString())
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (proc.waitFor() != 0) {
      throw new IOException("xz failed on " + text);
    }
    return out;
  }

  private interface Timed {
    long run() throws Exception;
  }

  private static double best(Timed task) throws Exception {
    double best = Double.MAX_VALUE;
    long check = -1;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      long result = task.run();
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
      if (check >= 0 && result != check) {
        throw new IllegalStateException("runs disagree: " + check + " vs " + result);
      }
      check = result;
    }
    return best;
  }

  /** The product Accel-Sim reader; it decompresses {@code .xz} files by their name. */
  private static long readText(List<Path> files) throws InputException {
    long sum = 0;
    for (Path f : files) {
      try (KernelTrace trace = AccelSimTraces.openKernel(f)) {
        for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
          sum += touch(cta);
        }
      }
    }
    return sum;
  }

  private static long xzDecodeOnly(List<Path> files) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    for (Path f : files) {
      try (InputStream in = new XZInputStream(Files.newInputStream(f), -1)) {
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
          n += r;
        }
      }
    }
    return n;
  }

  private static long readNative(Path file, long expected) throws InputException {
    long sum = 0;
    long instructions = 0;
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      for (TraceCommand.Kernel k : reader.kernels()) {
        try (KernelTrace trace = reader.openKernel(k)) {
          for (CtaTrace cta = trace.nextCta(); cta != null; cta = trace.nextCta()) {
            sum += touch(cta);
            instructions += cta.warpInstructions();
          }
        }
      }
    }
    if (instructions != expected) {
      throw new IllegalStateException(instructions + " warp instructions, expected " + expected);
    }
    return sum;
  }

  private static long readParallel(Path file, int threads, long expected) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (NativeTraceReader reader = NativeTraces.open(file)) {
      List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          long sum = 0;
          long instructions = 0;
          for (TraceCommand.Kernel k : reader.kernels()) {
            for (int i = first; i < reader.ctaCount(k); i += threads) {
              CtaTrace cta = reader.readCta(k, i);
              sum += touch(cta);
              instructions += cta.warpInstructions();
            }
          }
          return new long[] {sum, instructions};
        }));
      }
      long sum = 0;
      long instructions = 0;
      for (Future<long[]> f : parts) {
        sum += f.get()[0];
        instructions += f.get()[1];
      }
      if (instructions != expected) {
        throw new IllegalStateException(instructions + " warp instructions, expected " + expected);
      }
      return sum;
    } finally {
      pool.shutdown();
    }
  }

  /** Reads every field, so that no reader can skip work. */
  private static long touch(CtaTrace cta) {
    long sum = 0;
    for (WarpTrace w : cta.warps()) {
      for (int i = 0; i < w.length(); i++) {
        sum += w.instructionId(i) + w.activeMask(i) + w.addressMode(i);
        for (int k = 0; k < w.addressCount(i); k++) {
          sum += w.address(i, k);
        }
      }
    }
    return sum;
  }

  private void line(String s) {
    System.out.println(s);
    report.append(s).append('\n');
  }
}
