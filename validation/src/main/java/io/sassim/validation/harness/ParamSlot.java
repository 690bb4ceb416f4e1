package io.sassim.validation.harness;

import io.sassim.isa.launch.ElementType;

/**
 * One entry of the kernel parameter array, in spec order. A scalar carries its little-endian
 * bytes; a buffer carries the index of its allocation, whose device address is filled in at
 * launch time.
 *
 * @param bufferIndex index into {@link PreparedLaunch#buffers()}, or -1 for a scalar
 */
record ParamSlot(String name, ElementType type, int bytes, byte[] scalarBytes, int bufferIndex) {

  boolean isBuffer() {
    return bufferIndex >= 0;
  }
}
