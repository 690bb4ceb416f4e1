package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** histogram.cu: bins[v] += the number of bytes equal to v in data[0..n), modulo 2^32. */
final class HistogramReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "histogram");
    d.require1d();
    byte[] data = d.bytes("data");
    int[] bins = d.ints("bins");
    int n = d.intScalar("n");
    d.requireCount("data", data.length, Math.max(n, 0));
    d.requireCount("bins", bins.length, 256);
    for (int i = 0; i < n; i++) { // the grid-stride loop reaches every i < n
      bins[data[i] & 0xff]++;
    }
    d.put("bins", bins);
    return d.outputs();
  }
}
