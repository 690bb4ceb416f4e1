package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SM streams whole-line loads with a bounded number in flight, as the GPU would: the
 * delivered bandwidth, counted over the middle half of the run, reaches the configured peak
 * DRAM bandwidth; the same volume read at random lines is slower (rows are rarely reused).
 */
class MemoryBandwidthTest {

  static final int WINDOW = 8;
  static final int IN_FLIGHT_PER_SM = 192;

  /** Result of a closed-loop run: bytes per core cycle in the middle half, and DRAM counters. */
  record Run(double bytesPerCycle, long rowHits, long rowMisses, long rowConflicts) {}

  /**
   * Each SM issues one 4-sector load per cycle while it has fewer than IN_FLIGHT_PER_SM in
   * flight, {@code lines} in all. Sequential: the k-th load of SM s reads line k * SMs + s, so
   * the chip sweeps the footprint front to back as a grid-stride kernel does. Random: lines
   * drawn from a footprint 64 times the L2.
   */
  static Run stream(MemoryDriver d, int lines, boolean random) {
    int sms = d.config.smCount();
    long footprintLines = d.config.l2().capacityBytes() * 64 / MemorySystem.LINE_BYTES;
    SplittableRandom rnd = new SplittableRandom(42);
    int[] inFlight = new int[sms];
    long[] issued = new long[sms];
    long perSm = lines / sms;
    long base = 1L << 36;
    int maxReplies = (int) (perSm * sms);
    long[] replyCycles = new long[maxReplies];
    int replies = 0;
    long cycle = 0;
    while (replies < maxReplies) {
      long end = cycle + WINDOW;
      for (; cycle < end; cycle++) {
        for (int s = 0; s < sms; s++) {
          var q = d.replies[s];
          while (!q.isEmpty() && q.nextReady() <= cycle) {
            q.pop();
            inFlight[s]--;
            replyCycles[replies++] = cycle;
          }
          if (inFlight[s] < IN_FLIGHT_PER_SM && issued[s] < perSm) {
            long line = random ? rnd.nextLong(footprintLines) : issued[s] * sms + s;
            d.requests[s].add(cycle, base + line * MemorySystem.LINE_BYTES, 0xF,
                MemoryRequestQueue.LOAD, 0);
            issued[s]++;
            inFlight[s]++;
          }
        }
      }
      d.memory.exchange(end, d.requests, d.replies);
    }
    long last = replyCycles[replies - 1];
    long from = last / 4;
    long to = 3 * last / 4;
    long bytes = 0;
    for (int i = 0; i < replies; i++) {
      if (replyCycles[i] >= from && replyCycles[i] < to) {
        bytes += MemorySystem.LINE_BYTES;
      }
    }
    var st = d.stats();
    return new Run((double) bytes / (to - from), st.get("dramRowHits"), st.get("dramRowMisses"),
        st.get("dramRowConflicts"));
  }

  static double peakBytesPerCycle(MemoryDriver d) {
    return d.config.dram().peakGBps() * 1000 / d.config.clocks().coreMhz();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtx-a6000", "rtx-3090", "a100", "rtx-4090", "h100-sxm", "h800-pcie"})
  void sequentialStreamsReachThePeakAndRandomLinesDoNot(String gpu) throws Exception {
    MemoryDriver seqDriver = new MemoryDriver(gpu);
    double peak = peakBytesPerCycle(seqDriver);
    // about 25,000 core cycles of transfer at the peak, 25 to 40 DRAM latencies
    int lines = (int) (peak * 25_000 / MemorySystem.LINE_BYTES);
    Run seq = stream(seqDriver, lines, false);
    Run rnd = stream(new MemoryDriver(gpu), lines, true);
    System.out.printf("%s: peak %.1f B/cycle, sequential %.1f (%.1f %%, row hits %d, misses %d,"
        + " conflicts %d), random %.1f (%.1f %%, row hits %d, conflicts %d)%n", gpu, peak,
        seq.bytesPerCycle(), 100 * seq.bytesPerCycle() / peak, seq.rowHits(), seq.rowMisses(),
        seq.rowConflicts(), rnd.bytesPerCycle(), 100 * rnd.bytesPerCycle() / peak, rnd.rowHits(),
        rnd.rowConflicts());
    assertEquals(1.0, seq.bytesPerCycle() / peak, 0.10, gpu + " sequential vs peak");
    assertTrue(rnd.bytesPerCycle() < 0.9 * seq.bytesPerCycle(), gpu + " random lines slower");
    assertTrue(rnd.rowConflicts() > rnd.rowHits(), "random lines mostly change rows");
    assertTrue(seq.rowHits() > 4 * (seq.rowMisses() + seq.rowConflicts()),
        "a sweep mostly finds its rows open");
  }
}
