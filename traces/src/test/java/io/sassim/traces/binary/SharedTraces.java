package io.sassim.traces.binary;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Accel-Sim traces in {@code ../shared/traces} (read-only, never copied into the
 * repository). Tests skip with a message when they are absent, and fail instead when {@code
 * SASSIM_REQUIRE_SHARED=1}, as in CI.
 */
final class SharedTraces {

  /** Command lists of the real traces, relative to {@code shared/traces}. */
  static final List<String> KERNEL_LISTS = List.of(
      "flashinfer-gemm/kernelslist.g",
      "vecadd-turing-v1.2/kernelslist.g",
      "vectoradd-gtx1080-v4/trace/kernelslist.g",
      "vectoradd-gtx1080-v4/matrixmul-32-32-trace/kernelslist.g");

  private SharedTraces() {}

  static Path directory() {
    String root = System.getProperty("sassim.repoRoot");
    assertTrue(root != null && !root.isEmpty(), "surefire must set sassim.repoRoot");
    Path dir = Path.of(root).toAbsolutePath().getParent().resolve("shared/traces");
    if (!Files.isDirectory(dir)) {
      if ("1".equals(System.getenv("SASSIM_REQUIRE_SHARED"))) {
        fail("SASSIM_REQUIRE_SHARED=1 but " + dir + " is missing");
      }
      Assumptions.abort("skipped: " + dir + " (the shared real traces) is absent");
    }
    return dir;
  }
}
