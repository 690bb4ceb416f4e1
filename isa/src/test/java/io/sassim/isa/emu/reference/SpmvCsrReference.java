package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * spmv_csr.cu, both kernels (the spec's kernel name picks one). Each product is an FFMA into the
 * running sum: spmv_csr adds a row's nonzeros in order; spmv_csr_warp gives lane l the nonzeros
 * l, l + 32, ... of its row in order and then sums the lanes by XOR butterfly. Both are replayed in
 * that order, so the results are bit-exact.
 */
final class SpmvCsrReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    boolean warp = spec.kernel().equals("spmv_csr_warp");
    LaunchData d = new LaunchData(spec, initial, warp ? "spmv_csr_warp" : "spmv_csr");
    d.require1d();
    int[] rowPtr = d.ints("row_ptr");
    int[] colIdx = d.ints("col_idx");
    float[] vals = d.floats("vals");
    float[] x = d.floats("x");
    float[] y = d.floats("y");
    int rows = d.intScalar("rows");
    int covered;
    if (warp) {
      d.requireWholeWarps(); // lane = threadIdx.x % 32 must be the lane within the global warp
      covered = Math.min(rows, d.threadsX() / 32);
    } else {
      covered = Math.min(rows, d.threadsX());
    }
    d.requireCount("row_ptr", rowPtr.length, covered + 1L);
    d.requireCount("y", y.length, covered);
    float[] lanes = new float[32];
    for (int r = 0; r < covered; r++) {
      if (warp) {
        for (int lane = 0; lane < 32; lane++) {
          float acc = 0f;
          for (int k = rowPtr[r] + lane; k < rowPtr[r + 1]; k += 32) {
            acc = Math.fma(vals[k], x[colIdx[k]], acc);
          }
          lanes[lane] = acc;
        }
        y[r] = Butterfly.sum(lanes, 0)[0];
      } else {
        float acc = 0f;
        for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
          acc = Math.fma(vals[k], x[colIdx[k]], acc);
        }
        y[r] = acc;
      }
    }
    d.put("y", y);
    return d.outputs();
  }
}
