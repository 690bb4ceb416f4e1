package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.Dim3;
import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * sgemm_tiled.cu: 16x16 blocks each computing a 32x32 tile of C. Every element is one FFMA chain
 * over k in order (k0 tiles, then k within the unrolled tile), so the result is bit-exact. The
 * kernel has no bounds checks: n must be a multiple of 16 and the grid must stay inside C.
 */
final class SgemmTiledReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "sgemm_tiled");
    if (!d.block().equals(new Dim3(16, 16, 1))) {
      throw new IllegalArgumentException(spec.source() + ": sgemm_tiled assumes 16x16 blocks, got "
          + d.block());
    }
    float[] a = d.floats("a");
    float[] b = d.floats("b");
    float[] c = d.floats("c");
    int n = d.intScalar("n");
    if (n % 16 != 0 || 32L * d.grid().x() > n || 32L * d.grid().y() > n) {
      throw new IllegalArgumentException(spec.source() + ": sgemm_tiled needs n a multiple of 16"
          + " and a grid of at most n/32 tiles a side; n = " + n + ", grid " + d.grid());
    }
    d.requireCount("a", a.length, (long) n * n);
    d.requireCount("b", b.length, (long) n * n);
    d.requireCount("c", c.length, (long) n * n);
    int rows = 32 * d.grid().y();
    int cols = 32 * d.grid().x();
    SgemmNaiveReference.multiply(a, b, c, n, rows, cols);
    d.put("c", c);
    return d.outputs();
  }
}
