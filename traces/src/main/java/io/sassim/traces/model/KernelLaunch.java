package io.sassim.traces.model;

import io.sassim.isa.launch.Dim3;
import java.util.List;

/**
 * The header of a kernel trace: what was launched and how it was traced.
 *
 * @param name mangled kernel name
 * @param kernelId 1-based launch number within the traced program
 * @param grid grid dimensions in blocks
 * @param block block dimensions in threads
 * @param sharedBytes static plus dynamic shared memory per block
 * @param registersPerThread registers per thread
 * @param binaryVersion SM version × 10 + minor, e.g. 80, 86, 89, 90
 * @param streamId CUDA stream identity; kernels of one stream run in order
 * @param sharedWindowBase generic-address base of the shared window, 0 if unknown
 * @param localWindowBase generic-address base of the local window, 0 if unknown
 * @param tracerName what produced the trace, e.g. {@code "nvbit 1.7"} or {@code "sassim emulator"}
 * @param tracerVersion Accel-Sim tracer version as written ({@code 1.2}, {@code 4}, {@code 5}),
 *     or empty
 * @param lineInfo whether instructions carry source line numbers
 * @param extraHeader header lines the reader did not interpret, kept verbatim for output
 */
public record KernelLaunch(
    String name,
    int kernelId,
    Dim3 grid,
    Dim3 block,
    long sharedBytes,
    int registersPerThread,
    int binaryVersion,
    long streamId,
    long sharedWindowBase,
    long localWindowBase,
    String tracerName,
    String tracerVersion,
    boolean lineInfo,
    List<String> extraHeader) {

  public KernelLaunch {
    extraHeader = List.copyOf(extraHeader);
  }

  public long threadsPerCta() {
    return block.volume();
  }

  /** ceil(threads per block / 32). */
  public int warpsPerCta() {
    return (int) ((block.volume() + 31) / 32);
  }

  public long ctaCount() {
    return grid.volume();
  }
}
