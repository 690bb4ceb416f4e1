package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** transpose_naive.cu: {@code out[x * n + y] = in[y * n + x]} where the 2-D grid reaches (x, y). */
final class TransposeNaiveReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "transpose_naive");
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int n = d.intScalar("n");
    int xs = (int) Math.min(n, (long) d.grid().x() * d.block().x());
    int ys = (int) Math.min(n, (long) d.grid().y() * d.block().y());
    d.requireCount("in", in.length, (long) n * n);
    d.requireCount("out", out.length, (long) n * n);
    for (int y = 0; y < ys; y++) {
      for (int x = 0; x < xs; x++) {
        out[x * n + y] = in[y * n + x];
      }
    }
    d.put("out", out);
    return d.outputs();
  }
}
