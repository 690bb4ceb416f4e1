package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * local_array.cu: each thread gathers 16 values, insertion-sorts them, forms 8 wide products in a
 * permuted order and picks entries by data-dependent index. Exact.
 */
final class LocalArrayReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "local_array");
    d.require1d();
    int[] in = d.ints("in");
    int[] out = d.ints("out");
    long[] sums = d.longs("sums");
    int n = d.intScalar("n");
    int m = Math.min(n, d.gridX() * d.blockX());
    d.requireCount("in", n);
    d.requireCount("out", m);
    d.requireCount("sums", m);
    int[] arr = new int[16];
    long[] wide = new long[8];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < 16; j++) {
        arr[j] = in[(i * 16 + j) % n];
      }
      for (int j = 1; j < 16; j++) {
        int key = arr[j];
        int k = j - 1;
        while (k >= 0 && arr[k] > key) {
          arr[k + 1] = arr[k];
          k--;
        }
        arr[k + 1] = key;
      }
      for (int j = 0; j < 8; j++) {
        wide[(j * 3 + i) & 7] = (long) arr[j] * arr[15 - j];
      }
      int idx = in[i] & 15;
      out[i] = arr[idx] + arr[in[(i + 1) % n] & 15] * 3;
      sums[i] = wide[idx & 7] + wide[(idx + 1) & 7];
    }
    d.put("out", out);
    d.put("sums", sums);
    return d.outputs();
  }
}
