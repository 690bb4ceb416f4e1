package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * atomics_mix.cu: the order-independent results of a mix of atomics. dsum, hsum, smin and fsum
 * are exact whatever the order (every partial sum is exactly representable, min/max commute).
 *
 * <p>ctr, w and prev are left out: atomicExch leaves ctr[0] at whichever thread exchanged last,
 * atomicCAS on w[1] advances only while threads arrive in index order, w[3] sums shared words
 * that mixed add/max/CAS updates leave order-dependent, and prev holds the old values those
 * atomics returned.
 */
final class AtomicsMixReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "atomics_mix");
    int block = d.blockX();
    d.require1d();
    if (block < 4) {
      throw new IllegalArgumentException(spec.source() + ": atomics_mix needs 4 threads a block");
    }
    double[] dsum = d.doubles("dsum");
    short[] hsum = d.shorts("hsum");
    long[] smin = d.longs("smin");
    float[] fsum = d.floats("fsum");
    d.requireCount("dsum", 1);
    d.requireCount("hsum", 2);
    d.requireCount("smin", 2);
    d.requireCount("fsum", 2);
    int n = d.intScalar("n");
    double hx = SmallFloats.fromHalf(hsum[0]);
    double hy = SmallFloats.fromHalf(hsum[1]);
    for (int b = 0; b < d.gridX(); b++) {
      float sf = 0.f;
      for (int t = 0; t < block; t++) {
        int i = b * block + t;
        if (i >= n) {
          continue;
        }
        dsum[0] += i * 0.5;
        // Each half2 atomic add rounds each lane to half.
        hx = SmallFloats.fromHalf(SmallFloats.toHalf(hx + 1.0));
        hy = SmallFloats.fromHalf(SmallFloats.toHalf(hy - 0.5));
        smin[0] = Math.min(smin[0], -(long) i * 3);
        smin[1] = Math.max(smin[1], (long) i - 40);
        fsum[0] += 1.5f;
        sf += 0.25f;
      }
      fsum[1] += sf;
    }
    hsum[0] = SmallFloats.toHalf(hx);
    hsum[1] = SmallFloats.toHalf(hy);
    d.put("dsum", dsum);
    d.put("hsum", hsum);
    d.put("smin", smin);
    d.put("fsum", fsum);
    d.omit("ctr");
    d.omit("w");
    d.omit("prev");
    return d.outputs();
  }
}
