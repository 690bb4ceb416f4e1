package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.Dim3;
import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * transpose.cu: {@code out[c * rows + r] = in[r * cols + c]} through 32x33 shared tiles. Block
 * (bx, by) covers rows by·32.. and columns bx·32.., so only the part of the matrix the grid
 * reaches is written; the tile loops assume 32x8 blocks.
 */
final class TransposeReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "transpose");
    if (!d.block().equals(new Dim3(32, 8, 1))) {
      throw new IllegalArgumentException(spec.source() + ": transpose assumes 32x8 blocks, got "
          + d.block());
    }
    float[] in = d.floats("in");
    float[] out = d.floats("out");
    int rows = d.intScalar("rows");
    int cols = d.intScalar("cols");
    int rowsDone = (int) Math.min(rows, 32L * d.grid().y());
    int colsDone = (int) Math.min(cols, 32L * d.grid().x());
    d.requireCount("in", in.length, (long) rows * cols);
    d.requireCount("out", out.length, (long) rows * cols);
    for (int r = 0; r < rowsDone; r++) {
      for (int c = 0; c < colsDone; c++) {
        out[c * rows + r] = in[r * cols + c];
      }
    }
    d.put("out", out);
    return d.outputs();
  }
}
