package io.sassim.validate;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.EmulationResult;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.gpu.Gpu;
import io.sassim.sim.gpu.SimulationStuckException;
import io.sassim.sim.stats.KernelStats;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.KernelTrace;
import io.sassim.traces.model.TraceCommand;
import io.sassim.traces.model.TraceSource;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.record.EmulatedTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Simulates a launch spec the way {@code sassim trace --format native} and {@code sassim run}
 * would: the emulator runs it and records a native trace with the listing's control bits, and
 * the timing model replays that trace. Cycles come from the timing model; the buffers come from
 * the emulator, so a microbenchmark's clock deltas are the emulator's clock, not the model's.
 * The execution-driven run, where the model's clock feeds the kernel's clock reads, replaces this
 * binding (see docs/validation.md).
 */
public final class TraceDrivenSimulator implements CaseSimulator {

  @Override
  public SimulatedLaunch simulate(GpuConfig gpu, Path launchSpec)
      throws SimulationFailedException {
    Architecture arch = Architecture.parse(gpu.architecture());
    Path dir = null;
    try {
      LaunchSpec spec = LaunchSpecLoader.load(launchSpec);
      if (arch == null || !spec.appliesTo(arch) || !Files.isRegularFile(spec.binaryFor(arch))) {
        throw new SimulationFailedException("no " + gpu.architecture() + " binary");
      }
      Emulator emulator = Emulator.forLaunch(spec, arch);
      dir = Files.createTempDirectory("sassim-validate-");
      Path trace = dir.resolve("trace");
      EmulationResult emulated;
      try (TraceWriter writer = TraceFiles.writer(trace, TraceFormat.NATIVE, false)) {
        emulated = EmulatedTrace.record(emulator, writer, null);
        writer.commit();
      }
      long cycles = 0;
      try (TraceSource source = TraceFiles.open(trace)) {
        for (TraceCommand c : source.commands()) {
          if (c instanceof TraceCommand.Kernel k) {
            try (KernelTrace kt = source.openKernel(k)) {
              KernelStats s = new Gpu(gpu).run(kt, launchSpec.toString());
              cycles += s.cycles();
            }
          }
        }
      }
      return new SimulatedLaunch(cycles, emulated.buffers());
    } catch (InputException e) {
      throw new SimulationFailedException(e.getMessage(), e);
    } catch (SimulationStuckException e) {
      throw new SimulationFailedException("watchdog: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new SimulationFailedException("trace I/O: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  @Override
  public String describe() {
    return "trace-driven: emulator-recorded native trace with control bits, replayed by the "
        + "timing model; clock deltas from the emulator";
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary trace left behind costs disk space only.
    }
  }
}
