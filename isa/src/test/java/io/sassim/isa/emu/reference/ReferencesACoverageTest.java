package io.sassim.isa.emu.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.corpus.CorpusFiles;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.Dim3;
import io.sassim.isa.launch.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every launch spec of this half of the corpus has a reference, and every reference runs. */
class ReferencesACoverageTest {

  /** The workloads ReferencesA covers: traces/kernels/NAME. */
  static final List<String> KERNELS = List.of("vecadd", "saxpy", "reduce_sum", "sgemm_tiled",
      "hgemm_mma", "histogram", "collatz", "transpose", "sfu_mix", "dpoly", "async_copy",
      "int_mix", "half2_axpy", "warp_collectives", "scan", "transpose_naive", "sgemm_naive",
      "stencil2d", "spmv_csr", "bfs_step", "softmax", "bitonic_sort", "nbody_step");

  /** Outputs the algorithm defines only up to rounding: the only ones allowed a tolerance. */
  static final Set<String> INEXACT = Set.of("sfu_mix.launch.yaml:out", "hgemm_mma.launch.yaml:d",
      "softmax.launch.yaml:out", "nbody_step.launch.yaml:vel", "nbody_step.launch.yaml:pos_out");

  static List<Path> specFiles() throws Exception {
    List<Path> out = new ArrayList<>();
    for (String k : KERNELS) {
      Path dir = CorpusFiles.file("traces/kernels/" + k);
      assertTrue(Files.isDirectory(dir), dir + " is missing");
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".launch.yaml")).sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void everySpecOfTheseKernelsHasAReferenceAndEveryReferenceASpec() throws Exception {
    Set<String> onDisk = new TreeSet<>();
    for (Path p : specFiles()) {
      onDisk.add(p.getFileName().toString());
    }
    assertTrue(onDisk.size() >= KERNELS.size(), "fewer specs than kernels: " + onDisk);
    assertEquals(onDisk, new TreeSet<>(ReferencesA.all().keySet()));
  }

  @Test
  void everyReferenceGivesEachOutputBufferAtItsSizeAndChangesSomething() throws Exception {
    for (Path p : specFiles()) {
      String file = p.getFileName().toString();
      SpecRun run = SpecRun.of(p, ReferencesA.all().get(file));
      for (BufferArg b : run.spec.buffers()) {
        byte[] got = run.expected.get(b.name());
        if (!b.output()) {
          assertFalse(run.expected.containsKey(b.name()), file + ": " + b.name());
          continue;
        }
        assertNotNull(got, file + ": no expected " + b.name());
        assertEquals(b.byteSize(), got.length, file + ": " + b.name());
        Tolerance t = run.reference.tolerance(b.name());
        assertEquals(!INEXACT.contains(file + ":" + b.name()), t.isExact(), file + ": " + b.name()
            + " " + t);
        assertFalse(t.why().isBlank());
      }
      // Each launch writes its outputs: at least one output differs from its initial bytes.
      boolean changed = run.expected.entrySet().stream()
          .anyMatch(e -> !Arrays.equals(e.getValue(), run.initial.get(e.getKey())));
      assertTrue(changed, file + ": the reference changed no output");
    }
  }

  @Test
  void referencesAreDeterministicAndLeaveTheInitialBuffersAlone() throws Exception {
    for (Path p : specFiles()) {
      WorkloadReference ref = ReferencesA.all().get(p.getFileName().toString());
      SpecRun first = SpecRun.of(p, ref);
      Map<String, byte[]> copy = new HashMap<>();
      first.initial.forEach((k, v) -> copy.put(k, v.clone()));
      Map<String, byte[]> again = ref.expectedOutputs(first.spec, first.initial);
      for (String k : first.expected.keySet()) {
        assertTrue(Arrays.equals(first.expected.get(k), again.get(k)), p + " " + k);
      }
      for (String k : copy.keySet()) {
        assertTrue(Arrays.equals(copy.get(k), first.initial.get(k)), p + " mutated " + k);
      }
    }
  }

  @Test
  void aSpecTheKernelCannotRunIsRejectedWithItsReason() throws Exception {
    SpecRun r = SpecRun.of("reduce_sum", "reduce_sum.launch.yaml");
    LaunchSpec s = r.spec;
    LaunchSpec narrow = new LaunchSpec(s.source(), s.kernel(), s.binary(), s.archs(), s.grid(),
        new Dim3(128, 1, 1), s.dynamicSharedBytes(), s.repeat(), s.args());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.reference.expectedOutputs(narrow, r.initial));
    assertTrue(e.getMessage().contains("256 threads"), e.getMessage());
    LaunchSpec other = new LaunchSpec(s.source(), "vecadd", s.binary(), s.archs(), s.grid(),
        s.block(), s.dynamicSharedBytes(), s.repeat(), s.args());
    e = assertThrows(IllegalArgumentException.class,
        () -> r.reference.expectedOutputs(other, r.initial));
    assertTrue(e.getMessage().contains("kernel vecadd"), e.getMessage());
  }
}
