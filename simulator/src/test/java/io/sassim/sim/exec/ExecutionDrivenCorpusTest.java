package io.sassim.sim.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationException;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.ListingKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus launch of up to {@link #MAX_WARP_INSTRUCTIONS} runs execution-driven, on its sm_86
 * binary (rtx-a6000) or, for the Hopper-only kernels, sm_90 (h100-sxm): the model issues exactly
 * as many warp instructions as the emulator executes on its own, and the buffers end as the
 * plain emulator leaves them. Clock buffers hold cycles instead of the emulator's instruction
 * counts, and are left out. So are the kernels whose results depend on how warps and CTAs
 * interleave: the plain emulator runs CTAs one after another, the model runs them side by side.
 */
class ExecutionDrivenCorpusTest {

  private static final Map<Architecture, String> GPU_FOR = Map.of(
      Architecture.SM_86, "rtx-a6000",
      Architecture.SM_90, "h100-sxm");

  /**
   * Interleaving decides their outputs or instruction counts (docs/emulator.md, "What the
   * programs leave open"): atomics_mix (exchange and CAS order), bfs_step (frontier slots),
   * cas_loop (CAS retries), mem_hints (the acquire load of a flag another warp sets); clock_rate
   * spins until its clock has advanced, which takes another number of iterations in cycles.
   */
  private static final Set<String> ORDER_DEPENDENT =
      Set.of("atomics_mix", "bfs_step", "cas_loop", "mem_hints", "clock_rate");

  /** Larger launches (collatz, sgemm_tiled, histogram) take tens of seconds each here. */
  private static final long MAX_WARP_INSTRUCTIONS = 200_000;

  static Stream<Arguments> launches() throws Exception {
    Path root = ListingKernels.repoRoot();
    List<Arguments> out = new ArrayList<>();
    for (String folder : List.of("traces/kernels", "validation/microbench")) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".launch.yaml")).sorted().toList()) {
          LaunchSpec spec = LaunchSpecLoader.load(p);
          for (Architecture a : List.of(Architecture.SM_86, Architecture.SM_90)) {
            if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
              out.add(Arguments.of(p.getFileName().toString(), a, spec));
              break;
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("launches")
  void runsAsTheEmulatorDoes(String name, Architecture arch, LaunchSpec spec) throws Exception {
    if (name.startsWith("pointer_chase") && name.contains(".dram.")) {
      return; // 256 MiB: ExecutionDrivenRunTest runs each once
    }
    EmulationResult plain;
    try {
      plain = Emulator.forLaunch(spec, arch).run(null);
    } catch (EmulationException e) {
      // The emulator's own corpus test pins these gaps (docs/emulator.md).
      assumeTrue(!e.getMessage().contains("unsupported instruction"), e.getMessage());
      throw e;
    }
    if (plain.warpInstructions() > MAX_WARP_INSTRUCTIONS) {
      return;
    }
    GpuConfig config = ListingKernels.config(GPU_FOR.get(arch), Map.of());
    ExecutionResult executed = ExecutionDrivenRun.run(config, spec);
    assertTrue(executed.stats().cycles() > config.launch().kernelLaunchCycles(), name);
    if (ORDER_DEPENDENT.contains(name.substring(0, name.indexOf('.')))) {
      return;
    }
    assertEquals(plain.warpInstructions(), executed.stats().warpInstructions(),
        name + ": warp instructions");
    for (BufferArg b : spec.buffers()) {
      if (!b.clocks()) {
        assertArrayEquals(plain.buffers().get(b.name()), executed.buffers().get(b.name()),
            name + ": " + b.name());
      }
    }
  }
}
