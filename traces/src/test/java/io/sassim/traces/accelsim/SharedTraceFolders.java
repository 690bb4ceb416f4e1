package io.sassim.traces.accelsim;

import io.sassim.traces.SharedTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The trace folders in ../shared/traces: every folder holding a kernelslist.g. */
final class SharedTraceFolders {

  static final String VECTORADD = "vectoradd-gtx1080-v4/trace";
  static final String MATRIXMUL = "vectoradd-gtx1080-v4/matrixmul-32-32-trace";
  static final String TURING = "vecadd-turing-v1.2";
  static final String FLASHINFER = "flashinfer-gemm";

  private SharedTraceFolders() {}

  /** All trace folders, sorted; skips (or fails under CI) when ../shared is missing. */
  static List<Path> all() {
    Path root = SharedTraces.require("");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals(AccelSimTraces.COMMAND_LIST))
          .map(Path::getParent)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
