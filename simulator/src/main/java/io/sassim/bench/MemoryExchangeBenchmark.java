package io.sassim.bench;

import io.sassim.sim.config.GpuConfig;
import io.sassim.sim.memory.MemoryReplyQueue;
import io.sassim.sim.memory.MemoryRequestQueue;
import io.sassim.sim.memory.MemorySystem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measures {@link MemorySystem#exchange} alone: every SM keeps a fixed number of line requests
 * in flight, one new request per SM per cycle at most, for a fixed number of requests, in
 * 8-cycle windows as the GPU runs them. Only the time inside {@code exchange} is counted; the
 * driver that plays the SMs is not. Two traffic shapes: a grid-wide sequential sweep of
 * whole-line loads (every request misses to DRAM), and a mix of random 1-4 sector loads (80 %),
 * stores (15 %) and atomics (5 %) over twice the L2's capacity. The CPU time of the thread
 * inside exchange is kept beside the wall time: on a shared machine it is the stable figure.
 */
public final class MemoryExchangeBenchmark {

  /** Traffic shapes. */
  public enum Pattern { SEQUENTIAL, MIXED }

  /**
   * @param requests requests served per pass
   * @param bestSeconds least time inside exchange over the timed passes
   * @param medianSeconds median of the same
   * @param simulatedCycles core cycles a pass covers
   * @param bestCpuSeconds least CPU time of the thread inside exchange over the timed passes
   */
  public record Result(long requests, double bestSeconds, double medianSeconds,
      long simulatedCycles, double bestCpuSeconds) {

    public double requestsPerCpuSecond() {
      return requests / bestCpuSeconds;
    }


    public double requestsPerSecond() {
      return requests / bestSeconds;
    }

    public double medianRequestsPerSecond() {
      return requests / medianSeconds;
    }
  }

  private static final int WINDOW = 8;
  private static final int IN_FLIGHT_PER_SM = 64;

  private final GpuConfig config;
  private final int requestsPerPass;

  public MemoryExchangeBenchmark(GpuConfig config, int requestsPerPass) {
    this.config = config;
    this.requestsPerPass = requestsPerPass;
  }

  public Result run(Pattern pattern, int repeats, double warmUpSeconds) {
    long warmEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
    while (System.nanoTime() < warmEnd) {
      pass(pattern, new long[2]);
    }
    double[] seconds = new double[repeats];
    double bestCpu = Double.MAX_VALUE;
    long cycles = 0;
    for (int r = 0; r < repeats; r++) {
      long[] out = new long[2];
      seconds[r] = pass(pattern, out) / 1e9;
      cycles = out[0];
      bestCpu = Math.min(bestCpu, out[1] / 1e9);
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    return new Result(requestsPerPass, sorted[0], sorted[repeats / 2], cycles, bestCpu);
  }

  /**
   * One pass on a fresh memory system; returns wall nanoseconds spent in exchange, and puts the
   * cycles covered and the CPU nanoseconds in exchange into {@code out}.
   */
  private long pass(Pattern pattern, long[] out) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = 0;
    MemorySystem memory = new MemorySystem(config);
    int sms = config.smCount();
    MemoryRequestQueue[] requests = new MemoryRequestQueue[sms];
    MemoryReplyQueue[] replies = new MemoryReplyQueue[sms];
    for (int s = 0; s < sms; s++) {
      requests[s] = new MemoryRequestQueue();
      replies[s] = new MemoryReplyQueue();
    }
    SplittableRandom rnd = new SplittableRandom(1);
    long footprintLines = config.l2().capacityBytes() * 2 / 128;
    int[] inFlight = new int[sms];
    long[] issued = new long[sms];
    long perSm = requestsPerPass / sms;
    long left = perSm * sms;
    long sent = 0;
    long cycle = 0;
    long nanos = 0;
    while (left > 0) {
      long end = cycle + WINDOW;
      for (; cycle < end; cycle++) {
        for (int s = 0; s < sms; s++) {
          MemoryReplyQueue q = replies[s];
          while (!q.isEmpty() && q.nextReady() <= cycle) {
            q.pop();
            inFlight[s]--;
            left--;
          }
          if (inFlight[s] < IN_FLIGHT_PER_SM && issued[s] < perSm) {
            issued[s]++;
            sent++;
            if (pattern == Pattern.SEQUENTIAL) {
              requests[s].add(cycle, (1L << 36) + (issued[s] * sms + s) * 128, 0xF,
                  MemoryRequestQueue.LOAD, 0);
              inFlight[s]++;
            } else {
              int roll = rnd.nextInt(100);
              int kind = roll < 80 ? MemoryRequestQueue.LOAD
                  : roll < 95 ? MemoryRequestQueue.STORE : MemoryRequestQueue.ATOMIC;
              int first = rnd.nextInt(4);
              int mask = ((1 << (1 + rnd.nextInt(4 - first))) - 1) << first;
              requests[s].add(cycle, rnd.nextLong(footprintLines) * 128, mask, kind, 0);
              inFlight[s]++;
            }
          }
        }
      }
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      memory.exchange(end, requests, replies);
      nanos += System.nanoTime() - t0;
      cpu += threads.getCurrentThreadCpuTime() - c0;
    }
    out[0] = cycle;
    out[1] = cpu;
    if (sent != perSm * sms) {
      throw new IllegalStateException("sent " + sent);
    }
    return nanos;
  }
}
