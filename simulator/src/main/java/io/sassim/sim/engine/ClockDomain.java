package io.sassim.sim.engine;

/**
 * A clock: converts between its cycle numbers and engine time in picoseconds. Cycle n starts at
 * floor(n * 10^9 / kHz) ps, computed from n each time so rounding never accumulates.
 */
public final class ClockDomain {

  private final String name;
  private final long kilohertz;

  public ClockDomain(String name, double megahertz) {
    if (!(megahertz > 0) || megahertz > 100_000) {
      throw new IllegalArgumentException(name + " clock must be in (0, 100000] MHz, got " + megahertz);
    }
    this.name = name;
    this.kilohertz = Math.round(megahertz * 1000);
  }

  public String name() {
    return name;
  }

  public double megahertz() {
    return kilohertz / 1000.0;
  }

  /** Start of cycle {@code cycle} in picoseconds. */
  public long timeOf(long cycle) {
    return Math.multiplyExact(cycle, 1_000_000_000L) / kilohertz;
  }

  /** The first cycle that starts at or after {@code picoseconds}. */
  public long cycleAtOrAfter(long picoseconds) {
    long c = Math.multiplyExact(picoseconds, kilohertz) / 1_000_000_000L;
    while (timeOf(c) < picoseconds) {
      c++;
    }
    return c;
  }
}
