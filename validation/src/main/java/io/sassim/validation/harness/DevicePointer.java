package io.sassim.validation.harness;

import jcuda.driver.CUdeviceptr;

/**
 * A device allocation whose numeric address can be read: a pointer chain stores absolute
 * addresses, which JCuda keeps behind a protected accessor.
 */
final class DevicePointer extends CUdeviceptr {
  /** The device address cuMemAlloc wrote into this pointer. */
  long address() {
    return getNativePointer();
  }
}
