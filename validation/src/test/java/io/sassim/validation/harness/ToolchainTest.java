package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.common.hash.Hashing;
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
    String sha = Hashing.sha256().hashBytes(Files.readAllBytes(CUBIN)).toString();
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
    assertNull(Toolchain.of(alone, Hashing.sha256().hashBytes(Files.readAllBytes(alone)).toString()),
        "no listing beside it");
  }
}
