package io.sassim.isa.emu.reference;

/**
 * The XOR-butterfly warp sum {@code for (d = 16; d > 0; d >>= 1) v += __shfl_xor_sync(~0, v, d)}
 * as FADDs: at each level lane l computes its own value plus lane l^d's. Float addition is
 * commutative, so partners agree and every lane ends with the same bits.
 */
final class Butterfly {
  private Butterfly() {}

  /** The 32 lanes' values after the butterfly, starting from {@code values[from..from+32)}. */
  static float[] sum(float[] values, int from) {
    float[] v = new float[32];
    System.arraycopy(values, from, v, 0, 32);
    for (int d = 16; d > 0; d >>= 1) {
      float[] next = new float[32];
      for (int lane = 0; lane < 32; lane++) {
        next[lane] = v[lane] + v[lane ^ d];
      }
      v = next;
    }
    return v;
  }
}
