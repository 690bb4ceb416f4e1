package io.sassim.sim.memory;

import io.sassim.sim.config.GpuConfig;

/** Builds the {@link LowerMemory} a config names in {@code lowerMemory.model}. */
public final class LowerMemories {

  private LowerMemories() {}

  public static LowerMemory create(GpuConfig config) {
    return switch (config.lowerMemory().model()) {
      case "hierarchy" -> new MemorySystem(config);
      case "fixed" -> new FixedLatencyLowerMemory(config.lowerMemory().latency(),
          config.lowerMemory().bytesPerCycle(), config.l1Data().sectorBytes());
      default -> throw new IllegalArgumentException(
          "unknown lowerMemory.model '" + config.lowerMemory().model() + "'");
    };
  }
}
