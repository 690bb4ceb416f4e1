package io.sassim.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sassim.isa.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of our H200 capture's cases {@code --only} keeps. */
class CaseFilterTest {
  private static final Path ROOT = Path.of(System.getProperty("sassim.repoRoot"));

  private static List<String> kept(String... globs) throws Exception {
    MeasurementFiles files = new MeasurementFiles(ROOT);
    files.add(ROOT.resolve("validation/measurements/nvidia-h200/20261127T151128Z-ncu.json"));
    return new CaseFilter(List.of(globs)).filter(files.cases()).stream()
        .map(ValidationCase::id).toList();
  }

  @Test
  void globsMatchIdsTheirLastPartOrTheSuite() throws Exception {
    assertEquals(List.of(
        "validation/microbench/pointer_chase64/pointer_chase64.dram#warp-instructions",
        "validation/microbench/pointer_chase64/pointer_chase64.dram#clocks[0]"),
        kept("pointer_chase64.dram"));
    assertEquals(List.of("traces/kernels/vecadd/vecadd#warp-instructions",
        "traces/kernels/vecadd/vecadd"), kept("traces/kernels/vecadd/*"));
    List<String> kernels = kept("kernels");
    assertEquals(47, kernels.size());
    assertEquals(kept().stream().filter(id -> id.startsWith("validation/microbench/stall_yield/"))
        .filter(id -> id.contains("#clocks")).toList(), kept("stall_yield"));
    assertEquals(5, kept("atomic_throughput.*").stream().filter(id -> id.contains("#clocks"))
        .count());
    assertEquals(List.of(), kept("no_such_case"));
  }

  @Test
  void aBadGlobNamesTheOption() {
    InputException e = assertThrows(InputException.class, () -> new CaseFilter(List.of("[a")));
    assertEquals("--only: not a glob: '[a'", e.getMessage());
  }
}
