package io.sassim.sim.memory;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.config.GpuConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Drives a {@link MemorySystem} the way the GPU does: per-SM queues exchanged at window ends. */
final class MemoryDriver {

  static final Path CONFIGS = Path.of(System.getProperty("sassim.repoRoot", ".."))
      .toAbsolutePath().normalize().resolve("configs");

  final GpuConfig config;
  final MemorySystem memory;
  final MemoryRequestQueue[] requests;
  final MemoryReplyQueue[] replies;
  private long nextTag;

  MemoryDriver(String gpu) throws Exception {
    this(GpuConfigLoader.byName(gpu, CONFIGS));
  }

  MemoryDriver(GpuConfig config) {
    this.config = config;
    memory = new MemorySystem(config);
    int n = config.smCount();
    requests = new MemoryRequestQueue[n];
    replies = new MemoryReplyQueue[n];
    for (int s = 0; s < n; s++) {
      requests[s] = new MemoryRequestQueue();
      replies[s] = new MemoryReplyQueue();
    }
  }

  /** Sends one request alone in its window and returns its reply's latency, or -1 for none. */
  long latency(int sm, long cycle, long lineAddress, int sectorMask, int kind) {
    long tag = nextTag++;
    requests[sm].add(cycle, lineAddress, sectorMask, kind, tag);
    memory.exchange(cycle + 1, requests, replies);
    if (replies[sm].isEmpty()) {
      return -1;
    }
    if (replies[sm].peekTag() != tag) {
      throw new AssertionError("reply for another request");
    }
    long ready = replies[sm].nextReady();
    replies[sm].pop();
    return ready - cycle;
  }

  long load(int sm, long cycle, long lineAddress) {
    return latency(sm, cycle, lineAddress, 1, MemoryRequestQueue.LOAD);
  }

  /** The counters {@link MemorySystem#reportTo} gives. */
  Map<String, Long> stats() {
    Map<String, Long> m = new HashMap<>();
    memory.reportTo((name, value, description) -> m.put(name, value));
    return m;
  }

  /** Core cycles of {@code ns} on this GPU. */
  double cycles(double ns) {
    return ns * config.clocks().coreMhz() / 1000;
  }
}
