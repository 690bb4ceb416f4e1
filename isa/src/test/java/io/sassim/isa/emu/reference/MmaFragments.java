package io.sassim.isa.emu.reference;

/**
 * Warp-level mma.sync fragment layouts (PTX ISA, "Matrix fragments for mma.m16n8k*" and
 * "mma.m8n8k*"), for gathering whole operand matrices from per-lane registers. With g = lane / 4
 * and t = lane % 4, a 32-bit register packs e = 32 / bits elements, the lowest index in the lowest
 * bits. A (row-major): register r of lane holds row g (+8 for odd r in the 16-row shapes),
 * columns t·e .. t·e+e-1 (+4e for r ≥ 2). B (column-major): register r holds column g, rows
 * t·e .. (+4e for r = 1). C/D (32-bit elements): c0, c1 at row g, columns 2t, 2t+1; c2, c3 the
 * same at row g + 8.
 */
final class MmaFragments {
  private MmaFragments() {}

  /** Element {@code j} of a register packing {@code bits}-bit unsigned fields. */
  static int field(int reg, int bits, int j) {
    return bits == 32 ? reg : (reg >>> (j * bits)) & ((1 << bits) - 1);
  }

  /**
   * The M×K A matrix as raw fields: {@code regs[lane][r]} are lane's A registers, {@code m} is 16
   * or 8.
   */
  static int[][] a(int[][] regs, int m, int bits) {
    int e = 32 / bits;
    int nregs = regs[0].length;
    int k = m == 16 ? nregs / 2 * 4 * e : 4 * e;
    int[][] out = new int[m][k];
    for (int lane = 0; lane < 32; lane++) {
      int g = lane / 4;
      int t = lane % 4;
      for (int r = 0; r < nregs; r++) {
        int row = g + (m == 16 && (r & 1) == 1 ? 8 : 0);
        int col0 = t * e + (m == 16 ? (r >> 1) : r) * 4 * e;
        for (int j = 0; j < e; j++) {
          out[row][col0 + j] = field(regs[lane][r], bits, j);
        }
      }
    }
    return out;
  }

  /** The K×N (N = 8) B matrix as raw fields, indexed [k][n]. */
  static int[][] b(int[][] regs, int bits) {
    int e = 32 / bits;
    int nregs = regs[0].length;
    int[][] out = new int[nregs * 4 * e][8];
    for (int lane = 0; lane < 32; lane++) {
      int g = lane / 4;
      int t = lane % 4;
      for (int r = 0; r < nregs; r++) {
        for (int j = 0; j < e; j++) {
          out[t * e + r * 4 * e + j][g] = field(regs[lane][r], bits, j);
        }
      }
    }
    return out;
  }

  /** Row and column of accumulator element {@code i} (0..3) of {@code lane}. */
  static int cRow(int lane, int i) {
    return lane / 4 + (i >= 2 ? 8 : 0);
  }

  static int cCol(int lane, int i) {
    return 2 * (lane % 4) + (i & 1);
  }
}
