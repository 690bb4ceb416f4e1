package io.sassim.sim.stats;

import io.sassim.sim.core.StallReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * The statistics of one simulated kernel.
 *
 * @param name kernel name
 * @param kernelId id from the trace
 * @param grid grid as {@code x,y,z}
 * @param block block as {@code x,y,z}
 * @param blocksPerSm resident blocks per SM
 * @param occupancyLimit the limit that set {@code blocksPerSm}
 * @param dependenceMode {@code control-bits} or {@code scoreboard}
 * @param values every {@link Stat}
 * @param stallsBySubcore per sub-core index (summed over SMs), cycles without issue by reason
 */
public record KernelStats(
    String name,
    int kernelId,
    String grid,
    String block,
    int blocksPerSm,
    String occupancyLimit,
    String dependenceMode,
    Map<Stat, Long> values,
    long[][] stallsBySubcore) {

  public long get(Stat stat) {
    Long v = values.get(stat);
    return v == null ? 0 : v;
  }

  public long cycles() {
    return get(Stat.CYCLES);
  }

  public long warpInstructions() {
    return get(Stat.WARP_INSTRUCTIONS);
  }

  /** Warp instructions per core cycle, whole GPU. */
  public double ipc() {
    long c = cycles();
    return c == 0 ? 0 : (double) warpInstructions() / c;
  }

  /** Stall cycles of {@code reason} summed over all sub-cores. */
  public long stalls(StallReason reason) {
    long sum = 0;
    for (long[] s : stallsBySubcore) {
      sum += s[reason.ordinal()];
    }
    return sum;
  }

  /** A fresh, zeroed value map. */
  public static Map<Stat, Long> emptyValues() {
    Map<Stat, Long> m = new EnumMap<>(Stat.class);
    for (Stat s : Stat.values()) {
      m.put(s, 0L);
    }
    return m;
  }
}
