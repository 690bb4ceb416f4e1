package io.sassim.sim.config;

/**
 * Issue-to-release cycles of one memory access kind for an isolated instruction (paper Table 2):
 * the WAR release (sources read) and the RAW/WAW release (result written) for 32-, 64- and
 * 128-bit accesses. Stores have no RAW release; their {@code raw} values are 0.
 *
 * @param war32 WAR release, 32-bit access
 * @param war64 WAR release, 64-bit access
 * @param war128 WAR release, 128-bit access
 * @param raw32 RAW release, 32-bit access
 * @param raw64 RAW release, 64-bit access
 * @param raw128 RAW release, 128-bit access
 */
public record MemoryLatency(int war32, int war64, int war128, int raw32, int raw64, int raw128) {

  /** WAR release for an access of {@code bytes} per lane. */
  public int war(int bytes) {
    return bytes >= 16 ? war128 : bytes == 8 ? war64 : war32;
  }

  /** RAW release for an access of {@code bytes} per lane. */
  public int raw(int bytes) {
    return bytes >= 16 ? raw128 : bytes == 8 ? raw64 : raw32;
  }
}
