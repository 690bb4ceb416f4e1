package io.sassim.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tukaani.xz.XZInputStream;

/** The text of Accel-Sim trace files, for tests that damage or compare it. */
public final class TraceTexts {

  private TraceTexts() {}

  /** The whole text of a {@code .traceg} file, decompressed when its name ends in {@code .xz}. */
  public static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      InputStream text = file.toString().endsWith(".xz") ? new XZInputStream(in) : in;
      return new String(text.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Asserts that every kernel file of {@code rewritten} has the {@link #significantLines} of the
   * kernel file of {@code original} at the same command; returns the number of kernels compared.
   */
  public static int assertSameKernelTexts(TraceSource original, TraceSource rewritten)
      throws IOException {
    int kernels = 0;
    for (int i = 0; i < original.commands().size(); i++) {
      if (original.commands().get(i) instanceof TraceCommand.Kernel k) {
        Path written = ((TraceCommand.Kernel) rewritten.commands().get(i)).file();
        assertEquals(significantLines(k.file()), significantLines(written),
            k.file() + " against " + written);
        kernels++;
      }
    }
    return kernels;
  }

  /**
   * The lines a rewrite must keep: non-blank, without trailing spaces, minus the tracer version
   * (a writer states its own) and the {@code #traces format} comment.
   */
  public static List<String> significantLines(Path file) throws IOException {
    return read(file).lines()
        .map(String::stripTrailing)
        .filter(l -> !l.isEmpty() && !l.startsWith("-accelsim tracer version")
            && !l.startsWith("#traces format"))
        .toList();
  }
}
