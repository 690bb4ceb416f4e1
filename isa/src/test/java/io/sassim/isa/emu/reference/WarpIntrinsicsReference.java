package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * warp_intrinsics.cu: warp reductions (REDUX), match.all, width-limited shuffles, 4-thread tile
 * reductions, a shared-memory neighbour read and %lanemask_lt. The last term,
 * (%smid + %warpid + %nsmid + %dynamic_smem_size) &amp; 1, depends on where the hardware placed
 * the warp; the reference takes it as 0 and the tolerance admits 1.
 */
final class WarpIntrinsicsReference implements WorkloadReference {
  private static final int WARP = 32;

  static final Tolerance OUT = new Tolerance(1, 0,
      "(%smid+%warpid+%nsmid+%dynamic_smem_size)&1 depends on warp placement: 0 or 1");

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "warp_intrinsics");
    int block = d.blockX();
    d.require1d();
    if (block % WARP != 0 || spec.dynamicSharedBytes() < block * 4) {
      throw new IllegalArgumentException(spec.source() + ": warp_intrinsics needs whole warps and "
          + block * 4 + " bytes of dynamic shared memory");
    }
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    int n = d.intScalar("n");
    int threads = d.gridX() * block;
    d.requireCount("in", Math.min(n, threads));
    d.requireCount("out", Math.min(n, threads));
    int[] v = new int[threads];
    for (int i = 0; i < threads; i++) {
      v[i] = i < n ? in[i] : 0;
    }
    for (int i = 0; i < Math.min(n, threads); i++) {
      int lane = i % WARP;
      int warp0 = i - lane;
      int sum = 0;
      int mn = Integer.MAX_VALUE;
      int mx = 0;
      boolean same = true;
      for (int l = 0; l < WARP; l++) {
        int x = v[warp0 + l];
        sum += x;
        mn = Math.min(mn, x);
        mx = Integer.compareUnsigned(x, mx) > 0 ? x : mx;
        same &= (x & 1) == (v[warp0] & 1);
      }
      int matchMask = same ? -1 : 0;
      int pred = same ? 1 : 0;
      int nb = v[warp0 + (lane & ~7) + ((lane + 1) & 7)] + v[warp0 + (lane ^ 2)];
      int tile0 = i - (lane & 3);
      int tsum = 0;
      int any = 0;
      for (int l = 0; l < 4; l++) {
        tsum += v[tile0 + l];
        any |= v[tile0 + l] > 100 ? 1 : 0;
      }
      int down = (lane & 3) == 3 ? v[i] : v[i + 1]; // shfl_down past the tile returns its own
      int t = i % block;
      int other = v[i - t + (t + 5) % block];
      int placement = 0; // the &1 term: see the class comment
      out[i] = sum + mn + mx + matchMask + pred + nb + tsum + any + down + other + lane
          + placement;
    }
    d.put("out", out);
    return d.outputs();
  }

  @Override
  public Tolerance tolerance(String argName) {
    return argName.equals("out") ? OUT : Tolerance.EXACT;
  }
}
