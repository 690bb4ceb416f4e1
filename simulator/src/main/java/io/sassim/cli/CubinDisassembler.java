package io.sassim.cli;

import com.google.common.hash.Hashing;
import io.sassim.isa.InputException;
import io.sassim.isa.sass.ListingHeader;
import io.sassim.isa.sass.SassListing;
import io.sassim.isa.sass.SassParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Turns a cubin into a parsed listing: with {@code cuobjdump -sass} when one is installed, else
 * from the committed {@code <stem>.sass} next to it if its header names this exact cubin (by
 * sha256). CUDA is optional for users, so the fallback keeps the corpus usable without it.
 */
final class CubinDisassembler {

  /** Where scripts/sass-toolchain.sh unpacks CUDA 12.4's binary tools. */
  static final Path TOOLCHAIN_CUOBJDUMP =
      Path.of(System.getProperty("user.home"), ".cache/sassim/cuda-12.4/root/usr/bin/cuobjdump");

  private static final long TIMEOUT_SECONDS = 120;

  private final Path cuobjdump;

  /** @param cuobjdump the tool to run, or null to rely on committed listings only */
  CubinDisassembler(Path cuobjdump) {
    this.cuobjdump = cuobjdump;
  }

  /**
   * The cuobjdump to use: {@code $SASSIM_CUOBJDUMP}, the toolchain cache, then the PATH; null when
   * none is executable.
   */
  static Path findCuobjdump() {
    String env = System.getenv("SASSIM_CUOBJDUMP");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? p : null;
    }
    if (Files.isExecutable(TOOLCHAIN_CUOBJDUMP)) {
      return TOOLCHAIN_CUOBJDUMP;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          Path p = Path.of(dir, "cuobjdump");
          if (Files.isExecutable(p)) {
            return p;
          }
        }
      }
    }
    return null;
  }

  SassListing disassemble(Path cubin) throws InputException {
    if (!Files.isRegularFile(cubin)) {
      throw new InputException(cubin.toString(), 0, "no such file");
    }
    if (cuobjdump != null) {
      return run(cubin);
    }
    return committedListing(cubin);
  }

  private SassListing run(Path cubin) throws InputException {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("sassim-cuobjdump", ".sass");
      err = Files.createTempFile("sassim-cuobjdump", ".err");
      Process p = new ProcessBuilder(cuobjdump.toString(), "-sass", cubin.toString())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new InputException(cubin.toString(), 0, cuobjdump + " did not finish within "
            + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        String why = Files.readString(err, StandardCharsets.UTF_8).strip();
        int nl = why.indexOf('\n');
        throw new InputException(cubin.toString(), 0, cuobjdump + " -sass failed (exit "
            + p.exitValue() + ")" + (why.isEmpty() ? "" : ": " + (nl < 0 ? why : why.substring(0, nl))));
      }
      return SassParser.parse(cubin.toString(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InputException(cubin.toString(), 0, "cannot run " + cuobjdump + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(cubin.toString(), 0, "interrupted while running " + cuobjdump, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private SassListing committedListing(Path cubin) throws InputException {
    String name = cubin.getFileName().toString();
    Path sibling = cubin.resolveSibling(name.substring(0, name.length() - ".cubin".length()) + ".sass");
    String howTo = "no cuobjdump found (set SASSIM_CUOBJDUMP, or run scripts/sass-toolchain.sh to"
        + " fetch CUDA 12.4's cuobjdump into ~/.cache/sassim)";
    if (!Files.isRegularFile(sibling)) {
      throw new InputException(cubin.toString(), 0, howTo + " and there is no " + sibling.getFileName()
          + " listing next to it");
    }
    SassListing listing = SassParser.parse(sibling);
    if (listing.header().isEmpty()
        || !ListingHeader.of(listing).cubinSha256().equals(sha256(cubin))) {
      throw new InputException(cubin.toString(), 0, howTo + ", and " + sibling.getFileName()
          + " was not disassembled from this cubin (its '// sassim: cubin' sha256 differs)");
    }
    return listing;
  }

  private static String sha256(Path file) throws InputException {
    try {
      return Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString();
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // A leftover temp file is harmless.
      }
    }
  }
}
