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
    WatchdogConfig watchdog) {}
