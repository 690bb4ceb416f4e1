package io.sassim.validate;

import io.sassim.isa.InputException;
import io.sassim.isa.arch.Architecture;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.LaunchSpecLoader;
import io.sassim.sim.config.GpuConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Simulates every case and pairs it with its measurement. Cases that share a launch spec share
 * one simulation (the ALU chain latencies all read one run of alu_latency).
 */
public final class Validation {

  /** The compared cases and the ones left out, in input order. */
  public record Outcome(List<CaseResult> results, List<SkippedCase> skipped) {
    public Outcome {
      results = List.copyOf(results);
      skipped = List.copyOf(skipped);
    }
  }

  private final GpuConfig gpu;
  private final CaseSimulator simulator;
  /** One simulation, or why it failed. */
  private record Run(SimulatedLaunch launch, String failure) {}

  private final Map<String, Run> runs = new HashMap<>();

  public Validation(GpuConfig gpu, CaseSimulator simulator) {
    this.gpu = gpu;
    this.simulator = simulator;
  }

  /**
   * @param progress told each launch spec before it is simulated
   */
  public Outcome run(List<ValidationCase> cases, List<SkippedCase> alreadySkipped,
      Consumer<String> progress) throws InputException {
    List<CaseResult> results = new ArrayList<>();
    List<SkippedCase> skipped = new ArrayList<>(alreadySkipped);
    for (ValidationCase c : cases) {
      GpuConfig target = targetFor(c);
      if (target == null) {
        skipped.add(new SkippedCase(c.id(), c.source(), "measured on " + c.architecture()
            + "; the config " + gpu.name() + " simulates " + gpu.architecture()));
        continue;
      }
      String key = c.spec() + " " + target.architecture();
      Run run = runs.get(key);
      if (run == null) {
        progress.accept(c.spec() + " (" + target.architecture() + ")");
        try {
          run = new Run(simulator.simulate(target, c.spec()), null);
        } catch (SimulationFailedException e) {
          run = new Run(null, e.getMessage());
        }
        runs.put(key, run);
      }
      if (run.failure() != null) {
        skipped.add(new SkippedCase(c.id(), c.source(), "not simulated: " + run.failure()));
        continue;
      }
      SimulatedLaunch launch = run.launch();
      if (c.kind().equals(ValidationCase.COUNTER)) {
        results.add(new CaseResult(c, launch.warpInstructions()));
        continue;
      }
      if (c.clock() < 0) {
        results.add(new CaseResult(c, launch.cycles()));
        continue;
      }
      BufferArg clocks = LaunchSpecLoader.load(c.spec()).clocksBuffer().orElse(null);
      try {
        if (clocks == null) {
          throw new SimulationFailedException(c.spec() + " has no clocks buffer");
        }
        results.add(new CaseResult(c, launch.clock(clocks, c.clock()) / c.divideBy()));
      } catch (SimulationFailedException e) {
        skipped.add(new SkippedCase(c.id(), c.source(), "not simulated: " + e.getMessage()));
      }
    }
    return new Outcome(results, skipped);
  }

  /**
   * The config to simulate {@code c} with: the given one, or the same core built for the
   * measured target's variant (sm_90a for sm_90); null when the case was measured on another
   * architecture than the config models, since its binary and timings would not be the ones
   * measured.
   */
  GpuConfig targetFor(ValidationCase c) {
    if (c.architecture() == null || c.architecture().equals(gpu.architecture())) {
      return gpu;
    }
    Architecture measured = Architecture.parse(c.architecture());
    Architecture modelled = Architecture.parse(gpu.architecture());
    if (measured == null || modelled == null
        || !baseOf(measured).equals(baseOf(modelled))) {
      return null;
    }
    return gpu.withArchitecture(measured.smName());
  }

  /** sm_90a and sm_90 are one core; the suffix only unlocks instructions. */
  private static String baseOf(Architecture a) {
    String s = a.smName();
    return s.endsWith("a") ? s.substring(0, s.length() - 1) : s;
  }
}
