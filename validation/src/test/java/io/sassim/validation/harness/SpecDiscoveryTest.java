package io.sassim.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.validation.RepoFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDiscoveryTest {

  private static final List<Path> ROOTS =
      List.of(Path.of("traces/kernels"), Path.of("validation/microbench"));

  private static List<String> ids(List<Path> specs) {
    return specs.stream().map(p -> SpecDiscovery.caseId(RepoFiles.root(), p)).toList();
  }

  @Test
  void findsEveryCorpusSpecSorted() throws Exception {
    List<String> ids = ids(SpecDiscovery.find(RepoFiles.root(), ROOTS, List.of()));
    assertTrue(ids.contains("traces/kernels/vecadd/vecadd"), ids.toString());
    assertTrue(ids.contains("validation/microbench/pointer_chase/pointer_chase.dram"), ids.toString());
    assertTrue(ids.stream().anyMatch(i -> i.startsWith("validation/microbench/")));
    assertEquals(ids.stream().sorted().toList(), ids);
    assertEquals(ids.stream().distinct().count(), ids.size());
  }

  @Test
  void onlyMatchesCaseIdsOrTheirLastPart() throws Exception {
    assertEquals(List.of("traces/kernels/vecadd/vecadd"),
        ids(SpecDiscovery.find(RepoFiles.root(), ROOTS, List.of("vecadd"))));
    List<String> chases = ids(SpecDiscovery.find(RepoFiles.root(), ROOTS, List.of("pointer_chase.*")));
    assertTrue(chases.size() >= 2, chases.toString());
    assertTrue(chases.stream().allMatch(i -> i.contains("/pointer_chase/pointer_chase.")));
    List<String> micro = ids(SpecDiscovery.find(RepoFiles.root(), ROOTS,
        List.of("validation/microbench/**")));
    assertTrue(micro.stream().allMatch(i -> i.startsWith("validation/microbench/")));
    assertTrue(micro.contains("validation/microbench/pointer_chase/pointer_chase.dram"));
  }

  @Test
  void caseIdDropsTheSuffixAndIsRelative() {
    Path root = Path.of("/repo");
    assertEquals("traces/kernels/a/a.v1",
        SpecDiscovery.caseId(root, Path.of("/repo/traces/kernels/a/a.v1.launch.yaml")));
    assertEquals("/elsewhere/x", SpecDiscovery.caseId(root, Path.of("/elsewhere/x.launch.yaml")));
  }

  @Test
  void slugsAreFileNameSafe() {
    assertEquals("nvidia-h100-80gb-hbm3", CaptureSession.slug("NVIDIA H100 80GB HBM3"));
    assertEquals("nvidia-h200", CaptureSession.slug(" NVIDIA  H200 "));
    assertEquals("unknown-gpu", CaptureSession.slug("***"));
  }
}
