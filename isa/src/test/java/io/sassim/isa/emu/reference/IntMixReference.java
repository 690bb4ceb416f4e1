package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** int_mix.cu: a hash round, byte permute, popc/clz/brev, min/max and unsigned div/mod. */
final class IntMixReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "int_mix");
    d.require1d();
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int divisor = d.intScalar("divisor");
    if (divisor == 0) {
      throw new IllegalArgumentException(spec.source() + ": divisor 0 is undefined in CUDA C++");
    }
    int m = d.guardedCount("n", "in", "out");
    for (int i = 0; i < m; i++) {
      out[i] = mix(in[i], divisor);
    }
    d.put("out", out);
    return d.outputs();
  }

  static int mix(int v, int divisor) {
    int h = v * 0x9e3779b9;
    h ^= Integer.rotateLeft(h, 13); // __funnelshift_l(h, h, 13)
    h = (h & 0x00ff00ff) | (~h & v);
    h += bytePerm(v, h, 0x3715);
    int bits = Integer.bitCount(v) + Integer.numberOfLeadingZeros(h | 1)
        + (Integer.reverse(v) >>> 27);
    int lo = Math.min(v, h); // signed
    int hi = Integer.compareUnsigned(v, h) >= 0 ? v : h;
    return h + bits + lo + Integer.divideUnsigned(hi, divisor)
        + Integer.remainderUnsigned(v, divisor);
  }

  /** __byte_perm: result byte j is byte s[4j+2:4j] of the eight bytes {y:x} (x the low word). */
  static int bytePerm(int x, int y, int s) {
    long pool = (Integer.toUnsignedLong(y) << 32) | Integer.toUnsignedLong(x);
    int r = 0;
    for (int j = 0; j < 4; j++) {
      int sel = (s >>> (4 * j)) & 7;
      r |= (int) ((pool >>> (8 * sel)) & 0xff) << (8 * j);
    }
    return r;
  }
}
