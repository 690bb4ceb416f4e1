package io.sassim.sim.config;

/**
 * Size of a set-associative cache.
 *
 * @param sets number of sets
 * @param lineBytes line size
 * @param ways associativity
 */
public record CacheGeometry(int sets, int lineBytes, int ways) {

  public long capacityBytes() {
    return (long) sets * lineBytes * ways;
  }
}
