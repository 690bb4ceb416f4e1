package io.sassim.validation.harness;

import static io.sassim.validation.harness.CudaCallException.check;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuFuncSetAttribute;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import com.google.common.hash.Hashing;
import io.sassim.isa.launch.BufferArg;
import io.sassim.isa.launch.Dim3;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;

/**
 * Times one case on the GPU: warm-up launches, then {@code runs} timed measurements, each of
 * {@code repeat} back-to-back launches between two events. Output buffers are re-uploaded before
 * every measurement so each does the same work on the same data.
 */
final class CudaCaseRunner implements CaseRunner {
  /** Kernels may use up to 48 KiB of dynamic shared memory without opting in. */
  private static final int DEFAULT_DYNAMIC_SHARED_LIMIT = 48 * 1024;
  /** At most this many clock values are recorded per microbenchmark. */
  static final int MAX_CLOCKS = 1 << 16;

  private final int runs;
  private final int warmup;

  CudaCaseRunner(int runs, int warmup) {
    this.runs = runs;
    this.warmup = warmup;
  }

  @Override
  public Measurement run(PreparedLaunch launch, long deadlineNanos) {
    Loaded loaded = new Loaded();
    List<Double> times = new ArrayList<>();
    boolean hung = false;
    try {
      check(cuModuleLoadData(loaded.module, launch.binaryBytes()), "cuModuleLoadData");
      loaded.moduleLoaded = true;
      CUfunction fn = new CUfunction();
      check(cuModuleGetFunction(fn, loaded.module, launch.spec().kernel()),
          "cuModuleGetFunction(" + launch.spec().kernel() + ")");
      loaded.registers = funcAttribute(fn, CUfunction_attribute.CU_FUNC_ATTRIBUTE_NUM_REGS);
      loaded.staticShared =
          funcAttribute(fn, CUfunction_attribute.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES);
      loaded.local = funcAttribute(fn, CUfunction_attribute.CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES);
      int dyn = launch.spec().dynamicSharedBytes();
      if (dyn > DEFAULT_DYNAMIC_SHARED_LIMIT) {
        check(cuFuncSetAttribute(fn,
            CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, dyn),
            "cuFuncSetAttribute(max dynamic shared " + dyn + ")");
      }
      for (int i = 0; i < launch.buffers().size(); i++) {
        DevicePointer p = new DevicePointer();
        int bytes = launch.buffers().get(i).length;
        check(cuMemAlloc(p, bytes), "cuMemAlloc(" + bytes + ")");
        loaded.allocations.add(p);
        // A pointer chain can only be built once the allocation's address is known.
        byte[] init = launch.contentsAt(i, p.address());
        check(cuMemcpyHtoD(p, Pointer.to(init), init.length), "cuMemcpyHtoD");
      }
      Pointer params = parameterArray(launch, loaded.allocations);
      check(cuEventCreate(loaded.start, 0), "cuEventCreate");
      check(cuEventCreate(loaded.stop, 0), "cuEventCreate");
      loaded.events = true;
      Dim3 g = launch.spec().grid();
      Dim3 b = launch.spec().block();
      for (int run = 0; run < warmup + runs; run++) {
        if (System.nanoTime() - deadlineNanos > 0) {
          return result(loaded, launch, times, false,
              "case time limit reached after " + run + " of " + (warmup + runs) + " launches");
        }
        if (run > 0) {
          reuploadOutputs(launch, loaded.allocations);
        }
        check(cuEventRecord(loaded.start, null), "cuEventRecord");
        for (int r = 0; r < launch.spec().repeat(); r++) {
          check(cuLaunchKernel(fn, g.x(), g.y(), g.z(), b.x(), b.y(), b.z(), dyn, null, params,
              null), "cuLaunchKernel");
        }
        check(cuEventRecord(loaded.stop, null), "cuEventRecord");
        if (!CudaDevice.await(loaded.stop, deadlineNanos, "kernel")) {
          hung = true;
          return result(loaded, launch, times, true, "timeout: kernel still running at the case "
              + "time limit; the device cannot be used for the remaining cases");
        }
        float[] ms = new float[1];
        check(cuEventElapsedTime(ms, loaded.start, loaded.stop), "cuEventElapsedTime");
        if (run >= warmup) {
          times.add((double) ms[0] / launch.spec().repeat());
        }
      }
      return result(loaded, launch, times, false, null);
    } catch (CudaCallException e) {
      return result(loaded, launch, times, false, e.getMessage());
    } catch (IOException e) {
      return result(loaded, launch, times, false, "building a buffer: " + e.getMessage());
    } finally {
      if (!hung) {
        loaded.release(); // freeing while a kernel still runs would block forever
      }
    }
  }

  /** One pointer per parameter, in spec order: scalars by value, buffers by device address. */
  static Pointer parameterArray(PreparedLaunch launch, List<DevicePointer> allocations) {
    Pointer[] slots = new Pointer[launch.params().size()];
    for (int i = 0; i < slots.length; i++) {
      ParamSlot s = launch.params().get(i);
      slots[i] = s.isBuffer()
          ? Pointer.to(allocations.get(s.bufferIndex()))
          : Pointer.to(s.scalarBytes());
    }
    return Pointer.to(slots);
  }

  private static void reuploadOutputs(PreparedLaunch launch, List<DevicePointer> allocations)
      throws CudaCallException, IOException {
    for (int i = 0; i < launch.bufferArgs().size(); i++) {
      if (launch.bufferArgs().get(i).output()) {
        byte[] init = launch.contentsAt(i, allocations.get(i).address());
        check(cuMemcpyHtoD(allocations.get(i), Pointer.to(init), init.length), "cuMemcpyHtoD");
      }
    }
  }

  /** Reads back clocks and output hashes when the device is still usable, and assembles it all. */
  private Measurement result(Loaded loaded, PreparedLaunch launch, List<Double> times,
      boolean hung, String error) {
    List<Number> clocks = new ArrayList<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    if (!hung && !times.isEmpty()) {
      try {
        for (int i = 0; i < launch.bufferArgs().size(); i++) {
          BufferArg arg = launch.bufferArgs().get(i);
          if (!arg.output()) {
            continue;
          }
          byte[] data = new byte[launch.buffers().get(i).length];
          check(cuMemcpyDtoH(Pointer.to(data), loaded.allocations.get(i), data.length),
              "cuMemcpyDtoH(" + arg.name() + ")");
          if (arg.clocks()) {
            ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            long n = Math.min(arg.count(), MAX_CLOCKS);
            for (long k = 0; k < n; k++) {
              clocks.add(arg.type().get(in));
            }
          } else {
            outputs.put(arg.name(), Hashing.sha256().hashBytes(data).toString());
          }
        }
      } catch (CudaCallException e) {
        error = error == null ? e.getMessage() : error;
      }
    }
    return new Measurement(List.copyOf(times), clocks, outputs, loaded.registers,
        loaded.staticShared, loaded.local, false, hung, error);
  }

  private static Integer funcAttribute(CUfunction fn, int attribute) {
    int[] v = new int[1];
    return cuFuncGetAttribute(v, attribute, fn) == CUresult.CUDA_SUCCESS ? v[0] : null;
  }

  /** What one case holds on the device, released in one place. */
  private static final class Loaded {
    final CUmodule module = new CUmodule();
    final List<DevicePointer> allocations = new ArrayList<>();
    final CUevent start = new CUevent();
    final CUevent stop = new CUevent();
    boolean moduleLoaded;
    boolean events;
    Integer registers;
    Integer staticShared;
    Integer local;

    /** Return codes are ignored: after a kernel fault every call fails, and that is expected. */
    void release() {
      if (events) {
        cuEventDestroy(start);
        cuEventDestroy(stop);
      }
      for (DevicePointer p : allocations) {
        cuMemFree(p);
      }
      if (moduleLoaded) {
        cuModuleUnload(module);
      }
    }
  }
}
