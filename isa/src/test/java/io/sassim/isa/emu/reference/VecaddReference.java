package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/** vecadd.cu: {@code c[i] = a[i] + b[i]} for i below n and below the grid's thread count. */
final class VecaddReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "vecadd");
    d.require1d();
    float[] a = d.floats("a");
    float[] b = d.floats("b");
    float[] c = d.floats("c");
    int m = d.guardedCount("n", "a", "b", "c");
    for (int i = 0; i < m; i++) {
      c[i] = a[i] + b[i]; // one FADD, the same IEEE rounding in Java
    }
    d.put("c", c);
    return d.outputs();
  }
}
