package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * stencil2d.cu: one Jacobi sweep. Interior points get {@code 0.25f * (left + right + up + down)}
 * summed left to right in three FADDs and scaled by one FMUL, as in the listings; boundary points
 * are copied.
 */
final class Stencil2dReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "stencil2d");
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int w = d.intScalar("w");
    int h = d.intScalar("h");
    int xs = (int) Math.min(w, (long) d.grid().x() * d.block().x());
    int ys = (int) Math.min(h, (long) d.grid().y() * d.block().y());
    d.requireCount("in", in.length, (long) w * h);
    d.requireCount("out", out.length, (long) w * h);
    for (int y = 0; y < ys; y++) {
      for (int x = 0; x < xs; x++) {
        int i = y * w + x;
        boolean interior = x > 0 && x < w - 1 && y > 0 && y < h - 1;
        out[i] = interior ? 0.25f * (((in[i - 1] + in[i + 1]) + in[i - w]) + in[i + w]) : in[i];
      }
    }
    d.put("out", out);
    return d.outputs();
  }
}
