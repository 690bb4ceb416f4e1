package io.sassim.validation.harness;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import jcuda.JCudaVersion;
import jcuda.driver.JCudaDriver;

/**
 * The JSON file one capture writes, documented field by field in docs/validation.md
 * ("Capture file"). Bump {@link #SCHEMA_VERSION} on any incompatible change.
 */
@JsonPropertyOrder({"schema", "schemaVersion", "dryRun", "complete", "createdUtc", "host",
    "sourceRevision", "settings", "software", "gpu", "clock", "fatalError", "summary", "cases",
    "skipped"})
record CaptureReport(
    String schema,
    int schemaVersion,
    boolean dryRun,
    boolean complete,
    String createdUtc,
    String host,
    String sourceRevision,
    Settings settings,
    Software software,
    Gpu gpu,
    Clock clock,
    String fatalError,
    Summary summary,
    List<CaseRecord> cases,
    List<Skipped> skipped) {

  static final String SCHEMA = "sassim-hardware-capture";
  static final int SCHEMA_VERSION = 1;

  record Settings(List<String> archs, int runs, int warmup, double caseTimeoutS, double budgetS,
      List<String> roots, List<String> only) {}

  /**
   * @param driverVersion the NVIDIA driver release ({@code 580.159.04}), from the kernel module
   * @param cudaVersion the CUDA version the driver implements, as {@code cuDriverGetVersion} gives
   *     it ({@code 13000})
   * @param cudaVersionText the same as major.minor ({@code 13.0})
   */
  record Software(String driverVersion, Integer cudaVersion, String cudaVersionText,
      String jcudaVersion, Integer jcudaCudaVersion, String java) {

    static Software of(String driverVersion, Integer cudaVersion) {
      String text = cudaVersion == null ? null
          : cudaVersion / 1000 + "." + (cudaVersion % 1000) / 10;
      return new Software(driverVersion, cudaVersion, text, JCudaVersion.get(),
          JCudaDriver.CUDA_VERSION, System.getProperty("java.version"));
    }
  }

  record Gpu(String name, String computeCapability, Integer smCount, Double maxSmClockMHz,
      Double memoryClockMHz, Integer memoryBusWidthBits, Long l2CacheBytes, Long totalMemoryBytes) {}

  /** One clock_rate measurement: median of {@code samples} launches. */
  record ClockSample(long cycles, long nanoseconds, double mhz) {}

  /**
   * @param source "clock_rate kernel", "attribute" (fallback) or "none" (dry run)
   * @param mhz the SM clock used to convert times to cycles
   */
  record Clock(String source, String kernelBinary, List<ClockSample> before,
      List<ClockSample> after, Double beforeMHz, Double afterMHz, Double mhz, String note) {}

  record Param(String name, String kind, String type, int bytes, Long count, Long bufferBytes,
      Boolean output, Boolean clocks, String initialSha256, Number value, String valueHex) {}

  /**
   * The run's provenance repeated in every case, so a case copied into a dataset on its own still
   * names the GPU, clock and software it was measured with.
   */
  record Provenance(String gpu, Integer smCount, Double smClockMHz, String clockSource,
      String driverVersion, String cudaVersion) {}

  @JsonPropertyOrder({"case", "spec", "kind", "kernel", "arch", "binary", "binarySha256",
      "toolchain", "grid", "block", "dynamicSharedBytes", "repeat", "params", "registers",
      "staticSharedBytes", "localBytes", "timesMs", "medianMs", "cycles", "clocks",
      "outputsSha256", "provenance", "wallMs", "contextReset", "error"})
  record CaseRecord(
      @JsonProperty("case") String caseId,
      String spec,
      String kind,
      String kernel,
      String arch,
      String binary,
      String binarySha256,
      String toolchain,
      int[] grid,
      int[] block,
      int dynamicSharedBytes,
      int repeat,
      List<Param> params,
      Integer registers,
      Integer staticSharedBytes,
      Integer localBytes,
      List<Double> timesMs,
      Double medianMs,
      Long cycles,
      List<Number> clocks,
      Map<String, String> outputsSha256,
      Provenance provenance,
      double wallMs,
      boolean contextReset,
      String error) {

    /**
     * The same case with the capture's final provenance, its cycles recomputed for the final
     * clock (the clock is measured again after the suite).
     */
    CaseRecord withProvenance(Provenance p) {
      Double mhz = p == null ? null : p.smClockMHz();
      Long c = medianMs == null || mhz == null ? null : Timing.cycles(medianMs, mhz);
      return new CaseRecord(caseId, spec, kind, kernel, arch, binary, binarySha256, toolchain,
          grid, block, dynamicSharedBytes, repeat, params, registers, staticSharedBytes,
          localBytes, timesMs, medianMs, c, clocks, outputsSha256, p, wallMs, contextReset, error);
    }
  }

  record Skipped(@JsonProperty("case") String caseId, String spec, String reason) {}

  record Summary(int cases, int ok, int failed, int skipped) {}
}
