package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * int64_math.cu: {@code rounds} rounds of xorshift, multiply, rotate-add and unsigned 64-bit
 * division per word; odd rounds divide all 64 bits, even rounds the high word. Exact.
 */
final class Int64MathReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "int64_math");
    d.require1d();
    long[] in = d.longs("in");
    long[] out = d.longs("out");
    long mult = d.longScalar("mult");
    int rounds = d.intScalar("rounds");
    int m = d.guardedCount("n", "in", "out");
    for (int i = 0; i < m; i++) {
      out[i] = mix(in[i], mult, rounds);
    }
    d.put("out", out);
    return d.outputs();
  }

  static long mix(long h, long mult, int rounds) {
    for (int r = 0; r < rounds; r++) {
      h ^= h >>> 29;
      h *= mult;
      h += (h << 17) | (h >>> 47);
      long num = (r & 1) != 0 ? h : h >>> 32;
      long div = (h >>> 40) | 3L;
      long q = Long.divideUnsigned(num, div);
      h = (h ^ q) + Long.remainderUnsigned(num, div);
    }
    return h;
  }
}
