package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sassim.validation.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainTest {

  private static final Path CUBIN =
      RepoFiles.root().resolve("traces/kernels/vecadd/vecadd.sm_90.cubin");

  @Test
  void theListingHeaderNamesTheToolsOfTheCubinThatRan() throws Exception {
    String sha = Hashes.sha256(Files.readAllBytes(CUBIN));
    String tools = Toolchain.of(CUBIN, sha);
    String header = Files.readAllLines(CUBIN.resolveSibling("vecadd.sm_90.sass")).stream()
        .filter(l -> l.startsWith("// sassim: tools ")).findFirst().orElseThrow();
    assertEquals(header.substring("// sassim: tools ".length()), tools);
  }

  @Test
  void aCubinTheListingWasNotMadeFromHasNoToolchain(@TempDir Path dir) throws Exception {
    assertNull(Toolchain.of(CUBIN, "0".repeat(64)));
    Path alone = dir.resolve("vecadd.sm_90.cubin");
    Files.copy(CUBIN, alone);
    assertNull(Toolchain.of(alone, Hashes.sha256(Files.readAllBytes(alone))), "no listing beside it");
  }
}
