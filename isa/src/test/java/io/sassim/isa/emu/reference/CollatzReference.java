package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** collatz.cu: capped Collatz stopping time of each 32-bit start value, in 64-bit arithmetic. */
final class CollatzReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "collatz");
    d.require1d();
    int[] start = d.ints("start");
    int[] steps = d.ints("steps");
    int cap = d.intScalar("cap");
    int m = d.guardedCount("n", "start", "steps");
    for (int i = 0; i < m; i++) {
      steps[i] = stoppingTime(Integer.toUnsignedLong(start[i]), cap);
    }
    d.put("steps", steps);
    return d.outputs();
  }

  /** Steps until v reaches 1, at most {@code cap} (both unsigned, v modulo 2^64 as on the GPU). */
  static int stoppingTime(long v, int cap) {
    int s = 0;
    while (Long.compareUnsigned(v, 1) > 0 && Integer.compareUnsigned(s, cap) < 0) {
      v = (v & 1) != 0 ? 3 * v + 1 : v >>> 1;
      s++;
    }
    return s;
  }
}
