package io.sassim.validation.harness;

import jcuda.driver.CUresult;

/** A CUDA driver call that returned an error; the message names the call and the error. */
final class CudaCallException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int result;

  CudaCallException(String call, int result) {
    super(call + ": " + CUresult.stringFor(result));
    this.result = result;
  }

  int result() {
    return result;
  }

  /** Throws unless {@code result} is CUDA_SUCCESS; JCuda's own exceptions stay disabled. */
  static void check(int result, String call) throws CudaCallException {
    if (result != CUresult.CUDA_SUCCESS) {
      throw new CudaCallException(call, result);
    }
  }
}
