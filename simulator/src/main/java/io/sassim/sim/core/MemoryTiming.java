package io.sassim.sim.core;

import io.sassim.sim.config.MemoryLatency;
import io.sassim.sim.config.MemoryPipelineConfig;

/** Picks the Table 2 latencies of a memory instruction from its kind, address and width. */
final class MemoryTiming {

  private final MemoryPipelineConfig config;

  MemoryTiming(MemoryPipelineConfig config) {
    this.config = config;
  }

  private MemoryLatency latencies(DecodedInstruction in) {
    boolean u = in.uniformAddress;
    return switch (in.memoryKind) {
      case GLOBAL_LOAD -> u ? config.globalLoadUniform() : config.globalLoadRegular();
      case GLOBAL_STORE -> u ? config.globalStoreUniform() : config.globalStoreRegular();
      case SHARED_LOAD -> u ? config.sharedLoadUniform() : config.sharedLoadRegular();
      case SHARED_STORE -> u ? config.sharedStoreUniform() : config.sharedStoreRegular();
      case CONSTANT_LOAD -> u ? config.constantLoadImmediate() : config.constantLoadRegular();
      case ASYNC_COPY -> config.asyncCopy();
      default -> config.other();
    };
  }

  /** Issue to source-read release. */
  int war(DecodedInstruction in) {
    return Math.max(1, latencies(in).war(in.accessBytes));
  }

  /** Issue to result release; 0 for instructions without a result. */
  int raw(DecodedInstruction in) {
    return latencies(in).raw(in.accessBytes);
  }
}
