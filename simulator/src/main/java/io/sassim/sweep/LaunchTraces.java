package io.sassim.sweep;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.emu.Emulator;
import io.sassim.isa.launch.LaunchSpec;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import io.sassim.traces.files.TraceFiles;
import io.sassim.traces.files.TraceFormat;
import io.sassim.traces.model.TraceWriter;
import io.sassim.traces.record.EmulatedTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Native traces of launch specs, recorded once per (spec, architecture) by the emulator with the
 * listing's control bits ({@code sassim trace --format native}) and kept in the sweep's {@code
 * traces/} folder, so every point replays the same instructions. The writer renames a finished
 * trace into place, so a trace file is always whole, even when two Slurm tasks race to record it.
 */
final class LaunchTraces {

  /** Tried in this order when the GPU's own architecture has no binary. */
  private static final List<Architecture> PREFERRED = List.of(Architecture.SM_86,
      Architecture.SM_80, Architecture.SM_89, Architecture.SM_90, Architecture.SM_90A);

  private final Path folder;
  private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();

  LaunchTraces(Path folder) {
    this.folder = folder;
  }

  /**
   * The target whose binary runs on {@code config}: the GPU's own architecture when the spec has
   * a binary for it (sm_90a code on a Hopper GPU), else the first of sm_86, sm_80, sm_89, sm_90,
   * sm_90a that it has; the timing model then uses the GPU's opcode table, as {@code sassim run}
   * does for a trace of another target.
   */
  static Architecture architecture(LaunchSpec spec, GpuConfig config) throws InputException {
    Architecture own = Architecture.parse(config.architecture());
    if (own != null) {
      for (Architecture a : own == Architecture.SM_90
          ? List.of(Architecture.SM_90A, Architecture.SM_90) : List.of(own)) {
        if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
          return a;
        }
      }
    }
    for (Architecture a : PREFERRED) {
      if (spec.appliesTo(a) && Files.exists(spec.binaryFor(a))) {
        return a;
      }
    }
    throw new InputException(spec.source(), 0, "no binary for any target; looked for "
        + spec.binary());
  }

  /** The recorded trace of {@code workload} for {@code config}'s architecture, recording it first if needed. */
  Path trace(Workload workload, GpuConfig config) throws InputException {
    LaunchSpec spec = LaunchSpecLoader.load(workload.path());
    Architecture arch = architecture(spec, config);
    Path trace = folder.resolve(workload.name() + "." + arch.name().toLowerCase() + ".sstrace");
    synchronized (locks.computeIfAbsent(trace, t -> new Object())) {
      if (!Files.isRegularFile(trace)) {
        record(spec, arch, trace);
      }
    }
    return trace;
  }

  private static void record(LaunchSpec spec, Architecture arch, Path trace)
      throws InputException {
    Emulator emulator = Emulator.forLaunch(spec, arch);
    try (TraceWriter writer = TraceFiles.writer(trace, TraceFormat.NATIVE, false)) {
      EmulatedTrace.record(emulator, writer, null);
      writer.commit();
    } catch (IOException e) {
      throw new InputException(trace.toString(), 0, "cannot write: " + e.getMessage(), e);
    }
  }
}
