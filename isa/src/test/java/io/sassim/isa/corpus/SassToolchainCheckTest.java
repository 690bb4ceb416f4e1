package io.sassim.isa.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed corpus outputs are fresh, and {@code --check} notices when they are not. */
class SassToolchainCheckTest {

  private static Path repoRoot() {
    return CorpusFiles.repoRoot();
  }

  record Result(int exitCode, String output) {}

  static Result check(Path root) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", root.resolve("scripts/sass-toolchain.sh").toString(), "--check")
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "--check did not finish");
    return new Result(p.exitValue(), out);
  }

  @Test
  void committedListingsMatchTheirSources() throws Exception {
    Result r = check(repoRoot());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().matches("(?s).*sass-toolchain --check: \\d+ listings up to date\\s*"), r.output());
  }

  /** A copy of the script and one kernel, so the failure cases never touch the real corpus. */
  private static Path miniRepo(Path dir) throws IOException {
    Path root = repoRoot();
    Files.createDirectories(dir.resolve("scripts"));
    Files.copy(root.resolve("scripts/sass-toolchain.sh"), dir.resolve("scripts/sass-toolchain.sh"));
    Path kernelDir = dir.resolve("traces/kernels/vecadd");
    Files.createDirectories(kernelDir);
    try (var files = Files.list(root.resolve("traces/kernels/vecadd"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, kernelDir.resolve(f.getFileName()));
      }
    }
    return kernelDir;
  }

  @Test
  void editedSourceMakesListingsStale(@TempDir Path dir) throws Exception {
    Path kernelDir = miniRepo(dir);
    assertEquals(0, check(dir).exitCode());
    Files.writeString(kernelDir.resolve("vecadd.cu"), "// edited\n", StandardOpenOption.APPEND);
    Result r = check(dir);
    assertEquals(1, r.exitCode());
    assertTrue(r.output().contains("vecadd.sm_86.sass: older than its source"), r.output());
  }

  @Test
  void missingOrForeignOutputsAreReported(@TempDir Path dir) throws Exception {
    Path kernelDir = miniRepo(dir);
    Files.delete(kernelDir.resolve("vecadd.sm_89.sass"));
    Files.copy(kernelDir.resolve("vecadd.sm_80.cubin"), kernelDir.resolve("vecadd.sm_90.cubin"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(kernelDir.resolve("gone.sm_80.sass"), "");
    Result r = check(dir);
    assertEquals(1, r.exitCode());
    assertTrue(r.output().contains("vecadd.sm_89.sass: missing"), r.output());
    assertTrue(r.output().contains("vecadd.sm_90.sass: does not belong to"), r.output());
    assertTrue(r.output().contains("gone.sm_80.sass: no source"), r.output());
  }
}
