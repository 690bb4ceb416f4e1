package io.sassim.sim.config;

/**
 * Device memory: channels with banks and row buffers behind the L2 (docs/model.md, "Memory
 * below the L1"). Timings are in nanoseconds, as memory data sheets give them; the model
 * converts them with the core clock.
 *
 * @param type memory technology, for reports: gddr6, gddr6x, hbm2, hbm2e, hbm3 or hbm3e
 * @param peakGBps peak bandwidth of the whole chip, 10^9 bytes per second
 * @param channels independent channels; each has its own data bus of peakGBps / channels
 * @param banksPerChannel banks per channel, each with one open row
 * @param rowBytes bytes of one row (page) of one bank
 * @param activateNs row to column delay (tRCD)
 * @param prechargeNs precharge time (tRP)
 * @param casNs column command to data (tCL)
 * @param rowActiveNs shortest time a row stays open before its precharge (tRAS)
 * @param activateIntervalNs shortest time between two row activations in one channel (tRRD)
 * @param latency core cycles from a one-sector load leaving the SM to its reply reaching the
 *     SM when it misses the L2 and finds another row open in its bank (the pointer chase at a
 *     large footprint), with nothing queued
 */
public record DramConfig(
    String type,
    double peakGBps,
    int channels,
    int banksPerChannel,
    int rowBytes,
    double activateNs,
    double prechargeNs,
    double casNs,
    double rowActiveNs,
    double activateIntervalNs,
    int latency) {}
