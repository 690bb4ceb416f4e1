package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * A plain-Java implementation of one corpus workload's algorithm: what its output buffers must
 * hold after the launch, given the initial contents of every buffer. The emulator's corpus test
 * compares its dumps against this.
 */
public interface WorkloadReference {

  /**
   * Expected final contents of each output buffer, keyed by argument name.
   *
   * @param spec the launch (geometry and scalar arguments)
   * @param initialBuffers the initial bytes of every buffer argument, by argument name, as
   *     {@code io.sassim.isa.launch.BufferContents.build} makes them (little-endian)
   */
  Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initialBuffers);

  /** How output {@code argName} is compared; exact unless the algorithm's rounding differs. */
  default Tolerance tolerance(String argName) {
    return Tolerance.EXACT;
  }
}
