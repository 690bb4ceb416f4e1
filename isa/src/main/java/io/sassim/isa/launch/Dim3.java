package io.sassim.isa.launch;

/** A launch dimension (grid in blocks, or block in threads); a one-integer spec gives y = z = 1. */
public record Dim3(int x, int y, int z) {

  /** x · y · z. */
  public long volume() {
    return (long) x * y * z;
  }

  public int[] toArray() {
    return new int[] {x, y, z};
  }
}
