package io.sassim.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One SM chasing a random cyclic chain of lines, as Luo et al.'s latency benchmark does
 * (groundtruth 1.1): a footprint within one partition hits near, one within the whole L2 hits
 * far (the near partition's victims live in the other one), a larger one goes to DRAM.
 */
class PointerChaseTest {

  /** Mean latency over the first {@code sampled} loads of the chain's second round. */
  private static double chase(MemoryDriver d, long footprintBytes, int sampled) {
    int lines = (int) (footprintBytes / MemorySystem.LINE_BYTES);
    int[] order = new int[lines];
    for (int i = 0; i < lines; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = lines - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    long base = 1L << 34;
    long cycle = 0;
    for (int i = 0; i < lines; i++) { // first round: fills the caches
      cycle += d.load(0, cycle, base + (long) order[i] * MemorySystem.LINE_BYTES);
    }
    long sum = 0;
    for (int i = 0; i < sampled; i++) {
      long l = d.load(0, cycle, base + (long) order[i] * MemorySystem.LINE_BYTES);
      sum += l;
      cycle += l;
    }
    return (double) sum / sampled;
  }

  @Test
  void h800PlateausAreNearFarAndDram() throws Exception {
    MemoryDriver d = new MemoryDriver("h800-pcie");
    double near = chase(d, 8L << 20, 20_000);
    double far = chase(new MemoryDriver("h800-pcie"), 40L << 20, 20_000);
    double dram = chase(new MemoryDriver("h800-pcie"), 64L << 20, 20_000);
    System.out.printf("h800-pcie chase: 8 MB %.1f, 40 MB %.1f, 64 MB %.1f cycles%n", near, far,
        dram);
    assertEquals(d.config.l2().hitLatency(), near, 0.5, "8 MB: near partition");
    assertEquals(d.config.l2().farHitLatency(), far, 0.05 * far, "40 MB: far partition");
    assertEquals(d.config.dram().latency(), dram, 0.05 * dram, "64 MB: DRAM");
  }

  @Test
  void a100PlateausAreNearFarAndDram() throws Exception {
    MemoryDriver d = new MemoryDriver("a100");
    double near = chase(d, 8L << 20, 20_000);
    double far = chase(new MemoryDriver("a100"), 30L << 20, 20_000);
    double dram = chase(new MemoryDriver("a100"), 64L << 20, 20_000);
    System.out.printf("a100 chase: 8 MB %.1f, 30 MB %.1f, 64 MB %.1f cycles%n", near, far, dram);
    // groundtruth 2.1 less 33: near to 18 MB, far 24-39 MB, DRAM beyond
    assertEquals(d.config.l2().hitLatency(), near, 0.5, "8 MB: near partition");
    assertEquals(d.config.l2().farHitLatency(), far, 0.05 * far, "30 MB: far partition");
    assertEquals(d.config.dram().latency(), dram, 0.05 * dram, "64 MB: DRAM");
  }
}
