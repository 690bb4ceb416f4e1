package io.sassim.sim.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationException;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.fixtures.ListingKernels;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.stats.KernelStats;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.record.EmulatedTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus launch, traced by the emulator with the listing's control bits, runs through the
 * timing model on a GPU of its architecture without tripping the watchdog, and the model issues
 * exactly the warp instructions the emulator executed.
 */
class CorpusTracesSimulateTest {

  private static final Map<Architecture, String> GPU_FOR = Map.of(
      Architecture.SM_80, "a100",
      Architecture.SM_86, "rtx-a6000",
      Architecture.SM_89, "rtx-4090",
      Architecture.SM_90, "h100-sxm",
      Architecture.SM_90A, "h100-sxm");

  static Stream<Arguments> launches() throws Exception {
    Path root = ListingKernels.repoRoot();
    List<Arguments> out = new ArrayList<>();
    for (String folder : List.of("traces/kernels", "validation/microbench")) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".launch.yaml")).sorted().toList()) {
          LaunchSpec spec = LaunchSpecLoader.load(p);
          for (Architecture a : Architecture.values()) {
            if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
              out.add(Arguments.of(p.getFileName().toString(), a, spec));
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("launches")
  void simulatesWithoutTrippingTheWatchdog(String name, Architecture arch, LaunchSpec spec,
      @TempDir Path dir) throws Exception {
    Emulator emulator = Emulator.forLaunch(spec, arch);
    Path trace = dir.resolve("trace");
    EmulationResult emulated;
    try (TraceWriter writer = TraceFiles.writer(trace, TraceFormat.NATIVE, false)) {
      emulated = EmulatedTrace.record(emulator, writer, null);
      writer.commit();
    } catch (EmulationException e) {
      // The emulator's own corpus test pins these gaps (docs/emulator.md).
      assumeTrue(!e.getMessage().contains("unsupported instruction"), e.getMessage());
      throw e;
    }
    GpuConfig config = ListingKernels.config(GPU_FOR.get(arch), Map.of());
    long warpInstructions = 0;
    try (TraceSource source = TraceFiles.open(trace)) {
      for (TraceCommand c : source.commands()) {
        if (c instanceof TraceCommand.Kernel k) {
          try (KernelTrace kt = source.openKernel(k)) {
            assertTrue(kt.hasControlBits(), "the recorder attaches the listing's control bits");
            KernelStats s = new Gpu(config).run(kt, name);
            assertTrue(s.cycles() > config.launch().kernelLaunchCycles());
            assertEquals("control-bits", s.dependenceMode());
            warpInstructions += s.warpInstructions();
          }
        }
      }
    }
    assertEquals(emulated.warpInstructions(), warpInstructions);
  }
}
