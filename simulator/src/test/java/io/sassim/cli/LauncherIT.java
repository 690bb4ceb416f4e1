package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real launcher script, run as a user runs it, after the jar is packaged (failsafe). */
class LauncherIT {

  @Test
  void helpListsTheSubcommandsAndExitsZero() throws Exception {
    Path root = Paths.get(System.getProperty("sassim.repoRoot", "..")).toAbsolutePath().normalize();
    Process p = new ProcessBuilder("bash", root.resolve("scripts/sassim").toString(), "--help")
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "launcher did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Commands:"), out);
    assertTrue(out.contains("sass "), out);
  }
}
