package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sassim import-ncu} on our H200 profile run, and on a broken copy of its CSV. */
class ImportNcuCommandTest {
  private static final Path DIR = Path.of(System.getProperty("sassim.repoRoot"))
      .resolve("validation/measurements/nvidia-h200");
  private static final Path RUN = DIR.resolve("ncu-20261127T140737Z");

  @Test
  void reproducesTheCommittedJoin(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("joined.json");
    CliRun run = CliRun.of("import-ncu", "--capture", RUN.resolve("capture.json").toString(),
        "--csv", RUN.resolve("ncu.csv").toString(), "-o", out.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("import-ncu: 68 cases joined to 80 profiled launches; wrote " + out,
        run.out().strip());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList(), "no temporary file left behind");
    }
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree(DIR.resolve("20261127T140737Z-ncu.json").toFile()),
        json.readTree(out.toFile()));
  }

  @Test
  void aTruncatedProfileIsOneMessageAndNoOutput(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(RUN.resolve("ncu.csv"));
    Path cut = dir.resolve("cut.csv");
    Files.write(cut, lines.subList(0, 30));
    Path out = dir.resolve("joined.json");
    CliRun run = CliRun.of("import-ncu", "--capture", RUN.resolve("capture.json").toString(),
        "--csv", cut.toString(), "-o", out.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().startsWith(cut + ":"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(Files.exists(out));
  }
}
