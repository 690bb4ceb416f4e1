package io.sassim.validation.harness;

import static io.sassim.validation.harness.CudaCallException.check;
import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventQuery;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The one GPU a capture runs on, through JCuda's driver API: context, provenance and recovery.
 * Every call's result is checked here; JCuda's exceptions stay off so NOT_READY is not an error.
 */
final class CudaDevice implements AutoCloseable {
  private final CUdevice device = new CUdevice();
  private CUcontext context;

  private CudaDevice() {}

  /** Initializes the driver and creates a context on device {@code ordinal}. */
  static CudaDevice open(int ordinal) throws CudaCallException {
    JCudaDriver.setExceptionsEnabled(false);
    CudaDevice d = new CudaDevice();
    check(cuInit(0), "cuInit");
    check(cuDeviceGet(d.device, ordinal), "cuDeviceGet(" + ordinal + ")");
    d.createContext();
    return d;
  }

  private void createContext() throws CudaCallException {
    context = new CUcontext();
    check(cuCtxCreate(context, 0, device), "cuCtxCreate");
  }

  /** An attribute, or null where this driver does not report it (some are deprecated in 13). */
  Integer attribute(int attribute) {
    int[] v = new int[1];
    return cuDeviceGetAttribute(v, attribute, device) == CUresult.CUDA_SUCCESS ? v[0] : null;
  }

  CaptureReport.Gpu describe() {
    byte[] name = new byte[256];
    String gpuName = "unknown";
    if (cuDeviceGetName(name, name.length, device) == CUresult.CUDA_SUCCESS) {
      int len = 0;
      while (len < name.length && name[len] != 0) {
        len++;
      }
      gpuName = new String(name, 0, len, StandardCharsets.UTF_8).trim();
    }
    Integer major = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
    Integer minor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
    long[] mem = new long[1];
    Long total = cuDeviceTotalMem(mem, device) == CUresult.CUDA_SUCCESS ? mem[0] : null;
    Integer l2 = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE);
    return new CaptureReport.Gpu(
        gpuName,
        major == null || minor == null ? null : major + "." + minor,
        attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
        khzToMhz(attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE)),
        khzToMhz(attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE)),
        attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH),
        l2 == null ? null : l2.longValue(),
        total);
  }

  /** The driver and CUDA versions of this host. */
  static CaptureReport.Software software() {
    int[] v = new int[1];
    Integer cuda = cuDriverGetVersion(v) == CUresult.CUDA_SUCCESS ? v[0] : null;
    return CaptureReport.Software.of(NvidiaDriver.version(), cuda);
  }

  private static Double khzToMhz(Integer khz) {
    return khz == null ? null : khz / 1000.0;
  }

  /**
   * Waits until all work queued on the default stream is done, polling so a hung kernel cannot
   * block the capture. Returns false at the deadline with the work still running.
   */
  boolean finish(long deadlineNanos) throws CudaCallException {
    CUevent done = new CUevent();
    check(cuEventCreate(done, CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate");
    try {
      check(cuEventRecord(done, null), "cuEventRecord");
      return await(done, deadlineNanos, "kernel");
    } finally {
      cuEventDestroy(done);
    }
  }

  /** Polls {@code event}; true once it completed, false at the deadline. */
  static boolean await(CUevent event, long deadlineNanos, String what) throws CudaCallException {
    for (int polls = 0; ; polls++) {
      int rc = cuEventQuery(event);
      if (rc == CUresult.CUDA_SUCCESS) {
        return true;
      }
      if (rc != CUresult.CUDA_ERROR_NOT_READY) {
        throw new CudaCallException(what, rc);
      }
      if (System.nanoTime() - deadlineNanos > 0) {
        return false;
      }
      if (polls < 10_000) {
        Thread.onSpinWait(); // short kernels: stay responsive
      } else {
        LockSupport.parkNanos(200_000);
      }
    }
  }

  /**
   * After a failed case: a kernel fault (illegal address and the like) leaves the context
   * unusable, so it is replaced. Returns true when it was.
   */
  boolean recoverIfBroken() throws CudaCallException {
    if (cuCtxSynchronize() == CUresult.CUDA_SUCCESS) {
      return false;
    }
    cuCtxDestroy(context);
    createContext();
    return true;
  }

  @Override
  public void close() {
    if (context != null) {
      cuCtxDestroy(context);
      context = null;
    }
  }
}
