package io.sassim.traces;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where tests find the real traces in {@code ../shared/traces} beside the repository. They are
 * not part of the repository, so a test that needs them skips with a message when they are
 * missing, unless {@code SASSIM_REQUIRE_SHARED=1} (set by {@code .ci/run}) makes that a failure.
 */
public final class SharedTraces {

  /** Folders of the shared traced programs, relative to {@link #folder()}. */
  public static final String TURING = "vecadd-turing-v1.2";
  public static final String VECTORADD = "vectoradd-gtx1080-v4/trace";
  public static final String MATRIXMUL = "vectoradd-gtx1080-v4/matrixmul-32-32-trace";
  public static final String FLASHINFER = "flashinfer-gemm";

  /** Every shared traced program: tracer 1.2, 4 (twice) and 5. */
  public static final List<String> PROGRAMS = List.of(TURING, VECTORADD, MATRIXMUL, FLASHINFER);

  private SharedTraces() {}

  /**
   * The {@code kernelslist.g} of every program of {@link #PROGRAMS}, in that order; skips or
   * fails like {@link #require} when one is missing.
   */
  public static List<Path> kernelLists() {
    List<Path> lists = new ArrayList<>();
    for (String program : PROGRAMS) {
      lists.add(require(program + "/kernelslist.g"));
    }
    return lists;
  }

  /** The repository root: surefire's {@code sassim.repoRoot}, else the parent of the module. */
  public static Path repoRoot() {
    String root = System.getProperty("sassim.repoRoot");
    return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
  }

  /** {@code ../shared/traces}, whether or not it exists. */
  public static Path folder() {
    return repoRoot().resolveSibling("shared").resolve("traces");
  }

  /**
   * {@code ../shared/traces/relative}; skips the calling test when it is missing, or fails it
   * under {@code SASSIM_REQUIRE_SHARED=1}.
   */
  public static Path require(String relative) {
    Path p = folder().resolve(relative);
    if (!Files.exists(p)) {
      String message = p + " is missing: the real-trace tests need ../shared beside the repository";
      if ("1".equals(System.getenv("SASSIM_REQUIRE_SHARED"))) {
        fail(message + " (SASSIM_REQUIRE_SHARED=1)");
      }
      assumeTrue(false, message + "; skipping");
    }
    return p;
  }
}
