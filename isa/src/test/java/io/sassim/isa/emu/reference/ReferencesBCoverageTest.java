package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.BufferArg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every launch spec of the part-B kernels has a reference, and each one's outputs are sound. */
class ReferencesBCoverageTest {

  static final List<String> KERNELS = List.of("int64_math", "cas_loop", "dyn_shared",
      "bf16_convert", "wgmma_tile", "bulk_copy", "cluster_exchange", "simd_video", "fp_rounding",
      "fp64_special", "fp8_convert", "mem_hints", "local_array", "atomics_mix", "matrix_move",
      "mma_variants", "jump_table", "printf_call", "barrier_variants", "half_ops", "hopper_misc",
      "setmaxnreg", "warp_intrinsics");

  /** Output buffers a reference leaves out on purpose; the class comments say why. */
  static final Map<String, Set<String>> OMITTED = Map.of(
      "atomics_mix", Set.of("ctr", "w", "prev"),
      "hopper_misc", Set.of("out"));

  @Test
  void everySpecOfThePartBKernelsHasAReference() throws Exception {
    Set<String> specs = new TreeSet<>();
    for (String k : KERNELS) {
      Path dir = CorpusFiles.file("traces/kernels/" + k);
      assertTrue(Files.isDirectory(dir), dir + " is missing");
      try (Stream<Path> s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".launch.yaml"))
            .forEach(specs::add);
      }
    }
    assertEquals(KERNELS.size(), specs.size(), "one spec per kernel today: " + specs);
    assertEquals(specs, new TreeSet<>(ReferencesB.all().keySet()));
  }

  @Test
  void everyRunnableReferenceReturnsEachOutputAtItsSize() throws Exception {
    for (String k : KERNELS) {
      if (k.equals("mma_variants")) {
        continue; // the committed spec is too short for the kernel: MmaVariantsReferenceTest
      }
      SpecRun run = SpecRun.of(k);
      Set<String> omitted = OMITTED.getOrDefault(k, Set.of());
      for (BufferArg b : run.spec.buffers()) {
        byte[] got = run.expected.get(b.name());
        if (!b.output() || omitted.contains(b.name())) {
          assertFalse(run.expected.containsKey(b.name()), k + ": unexpected " + b.name());
          continue;
        }
        assertNotNull(got, k + ": no expected bytes for output " + b.name());
        assertEquals(b.byteSize(), got.length, k + "." + b.name());
        Tolerance t = run.reference.tolerance(b.name());
        assertNotNull(t.why(), k + "." + b.name());
        assertFalse(t.why().isBlank(), k + "." + b.name());
      }
      // Deterministic: a second run gives the same bytes.
      SpecRun again = SpecRun.of(k);
      for (String name : run.expected.keySet()) {
        assertTrue(java.util.Arrays.equals(run.expected.get(name), again.expected.get(name)),
            k + "." + name);
      }
    }
  }

  @Test
  void aSpecForAnotherKernelIsRefusedWithItsName() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecRun.of("int64_math", SpecRun.load("jump_table")));
    assertTrue(e.getMessage().contains("jump_table"), e.getMessage());
    assertTrue(e.getMessage().contains("int64_math"), e.getMessage());
  }
}
