package io.sassim.sim.config;

/**
 * One GPU as the timing model sees it. Built by the config loader from a file in {@code configs/}
 * and the base files it extends.
 *
 * @param name config name, e.g. {@code rtx-a6000}
 * @param description one line for reports, e.g. "NVIDIA RTX A6000 (GA102)"
 * @param architecture SASS target, e.g. {@code sm_86}; selects the opcode table
 * @param smCount streaming multiprocessors on the chip
 * @param clocks clock domains
 * @param occupancy per-SM limits for the thread-block scheduler
 * @param frontEnd fetch, decode, instruction buffer, instruction caches, prefetcher
 * @param issue issue scheduler and dependence mechanism
 * @param registerFile banks, ports, register-file cache, result queue
 * @param execution functional units
 * @param memory the per-sub-core memory pipeline and the Table 2 latencies of L1 and shared hits
 * @param l1Data the unified L1 data cache and shared memory
 * @param sharedMemory shared-memory banks
 * @param constantCache the LDC constant cache
 * @param lowerMemory what serves the L1s' misses
 * @param launch kernel and block launch overheads
 * @param watchdog forward-progress check
 * @param interconnect the SM to L2 crossbar
 * @param l2 the L2 cache
 * @param dram device memory
 */
public record GpuConfig(
    String name,
    String description,
    String architecture,
    int smCount,
    ClockConfig clocks,
    OccupancyConfig occupancy,
    FrontEndConfig frontEnd,
    IssueConfig issue,
    RegisterFileConfig registerFile,
    ExecutionConfig execution,
    MemoryPipelineConfig memory,
    L1DataConfig l1Data,
    SharedMemoryConfig sharedMemory,
    ConstantCacheConfig constantCache,
    LowerMemoryConfig lowerMemory,
    LaunchConfig launch,
    WatchdogConfig watchdog,
    InterconnectConfig interconnect,
    L2Config l2,
    DramConfig dram) {

  /** The same GPU running binaries of another target of its core (sm_90a on an sm_90 config). */
  public GpuConfig withArchitecture(String target) {
    return new GpuConfig(name, description, target, smCount, clocks, occupancy, frontEnd, issue,
        registerFile, execution, memory, l1Data, sharedMemory, constantCache, lowerMemory, launch,
        watchdog, interconnect, l2, dram);
  }
}
