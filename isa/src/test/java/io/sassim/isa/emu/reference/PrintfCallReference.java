package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * printf_call.cu writes nothing but printf records, which are not a buffer: the reference only
 * checks that the spec declares no output buffer, and expects none.
 */
final class PrintfCallReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "printf_call");
    d.require1d();
    d.guardedCount("n", "in");
    spec.buffers().stream().filter(b -> b.output()).findFirst().ifPresent(b -> {
      throw new IllegalArgumentException(spec.source() + ": printf_call writes no buffer, but '"
          + b.name() + "' is marked output");
    });
    return d.outputs();
  }
}
