package io.sassim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report.html of a real {@code sassim validate} run in headless Chromium (Debian's
 * {@code chromium} package) and checks the screenshot: the page rendered, and its embedded charts
 * decoded and drew. Without Chromium the test is skipped with a message, unless
 * {@code SASSIM_REQUIRE_CHROMIUM=1} (as in CI) makes that a failure.
 */
class ValidateReportInBrowserTest {

  private static final Path ROOT = Path.of(System.getProperty("sassim.repoRoot"));
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2600;

  @Test
  void reportRendersWithItsCharts(@TempDir Path dir) throws Exception {
    Path chromium = findChromium();
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("validate", "--gpu", "h800-pcie",
        ROOT.resolve("validation/reference/h800.json").toString(), "-o", out.toString());
    assertEquals(0, run.code(), run.err());

    Path shot = dir.resolve("shot.png");
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + shot,
        "--window-size=" + WIDTH + "," + HEIGHT, out.resolve("report.html").toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(Files.size(shot) > 0, "no screenshot: " + output);

    BufferedImage image = ImageIO.read(shot.toFile());
    assertNotNull(image, "the screenshot is not a PNG");
    assertEquals(WIDTH, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    long nonWhite = 0;
    long saturated = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
          saturated++;
        }
      }
    }
    assertTrue(colours.size() > 100, "a nearly blank page: " + colours.size() + " colours");
    assertTrue(nonWhite > 0.05 * WIDTH * HEIGHT, "mostly white: " + nonWhite + " pixels");
    // Text, tables and a broken-image placeholder are grey; only the charts' series are in
    // colour, and the bar charts alone cover tens of thousands of pixels.
    assertTrue(saturated > 20_000, "the charts did not draw: " + saturated
        + " coloured pixels");
    for (String band : List.of("scatter", "histogram", "suites")) {
      assertTrue(Files.readString(out.resolve("report.html")).contains("id=\"" + band + "\""));
    }
  }

  /** Chromium from PATH; skips (or fails under SASSIM_REQUIRE_CHROMIUM=1) when there is none. */
  private static Path findChromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message = "chromium is not installed (apt-get install -y chromium); the browser check"
        + " of report.html is skipped";
    if ("1".equals(System.getenv("SASSIM_REQUIRE_CHROMIUM"))) {
      fail(message.replace("is skipped", "is required (SASSIM_REQUIRE_CHROMIUM=1)"));
    }
    System.err.println("ValidateReportInBrowserTest: " + message);
    Assumptions.abort(message);
    return null;
  }
}
