package io.sassim.sim.config;

/**
 * The L2 cache: sectored (32-byte sectors of 128-byte lines), set-associative with LRU, sliced
 * by an address hash, write-back with write allocation, and split into partitions on GA100 and
 * GH100 (docs/model.md, "Memory below the L1").
 *
 * @param partitions 1, or 2 where each half of the SMs has a near partition (A100, H100)
 * @param slices slices of the whole chip, split evenly over the partitions
 * @param setsPerSlice sets in one slice
 * @param ways lines per set
 * @param hitLatency core cycles from a one-sector load leaving the SM to its reply reaching the
 *     SM when it hits in the near partition and nothing queues; also a store's acknowledgement
 * @param farHitLatency the same for a hit in the other (far) partition; equal to hitLatency
 *     with one partition
 * @param atomicCycles core cycles a slice's atomic unit spends on one sector of an atomic or a
 *     reduction
 */
public record L2Config(
    int partitions,
    int slices,
    int setsPerSlice,
    int ways,
    int hitLatency,
    int farHitLatency,
    int atomicCycles) {

  public long capacityBytes() {
    return (long) slices * setsPerSlice * ways * 128;
  }
}
