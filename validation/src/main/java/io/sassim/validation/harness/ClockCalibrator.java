package io.sassim.validation.harness;

import static io.sassim.validation.harness.CudaCallException.check;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import io.sassim.isa.arch.Architecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/**
 * Measures the SM clock the GPU actually runs at with the corpus kernel
 * {@code clock_rate(unsigned long long* out, long long spin_ns)}: one thread spins for about
 * {@link #SPIN_NS} and writes the clock64 delta and the %globaltimer delta.
 */
final class ClockCalibrator {
  static final String KERNEL = "clock_rate";
  static final String DIR = "validation/microbench/clock_rate";
  static final long SPIN_NS = 2_000_000;
  /** Launches per measurement after one discarded warm-up (the clock ramps up from idle). */
  static final int SAMPLES = 5;

  private ClockCalibrator() {}

  /** The clock_rate cubin for the first usable target, or null when the corpus lacks it. */
  static Path findBinary(Path repoRoot, List<Architecture> archs) {
    for (Architecture a : archs) {
      Path p = repoRoot.resolve(DIR).resolve(KERNEL + "." + a.smName() + ".cubin");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** {@value #SAMPLES} samples after a warm-up launch. */
  static List<CaptureReport.ClockSample> measure(CudaDevice device, Path binary)
      throws CudaCallException, IOException {
    CUmodule module = new CUmodule();
    check(cuModuleLoadData(module, Files.readAllBytes(binary)), "cuModuleLoadData(clock_rate)");
    CUdeviceptr out = new CUdeviceptr();
    try {
      CUfunction fn = new CUfunction();
      check(cuModuleGetFunction(fn, module, KERNEL), "cuModuleGetFunction(clock_rate)");
      check(cuMemAlloc(out, 16), "cuMemAlloc");
      Pointer params = Pointer.to(Pointer.to(out), Pointer.to(new long[] {SPIN_NS}));
      List<CaptureReport.ClockSample> samples = new ArrayList<>();
      for (int i = 0; i <= SAMPLES; i++) {
        check(cuLaunchKernel(fn, 1, 1, 1, 1, 1, 1, 0, null, params, null), "cuLaunchKernel");
        if (!device.finish(System.nanoTime() + 10_000_000_000L)) {
          throw new IOException("clock_rate did not finish within 10 s");
        }
        long[] v = new long[2];
        check(cuMemcpyDtoH(Pointer.to(v), out, 16), "cuMemcpyDtoH");
        if (i > 0 && v[1] > 0) {
          samples.add(new CaptureReport.ClockSample(v[0], v[1], Timing.mhz(v[0], v[1])));
        }
      }
      return samples;
    } finally {
      cuMemFree(out);
      cuModuleUnload(module);
    }
  }

  /** Median clock of the samples, or null if there are none. */
  static Double medianMhz(List<CaptureReport.ClockSample> samples) {
    if (samples == null || samples.isEmpty()) {
      return null;
    }
    return Timing.median(samples.stream().map(CaptureReport.ClockSample::mhz).toList());
  }
}
