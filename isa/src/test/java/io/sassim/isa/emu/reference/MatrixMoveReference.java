package io.sassim.isa.emu.reference;

import io.sassim.isa.launch.LaunchSpec;
import java.util.Map;

/**
 * matrix_move.cu: one warp loads a 32 × 8 tile of 16-bit values with ldmatrix.x4.trans and
 * ldmatrix.x1 and transposes a fragment in registers with movmatrix.trans. Exact.
 *
 * <p>The m8n8 b16 fragment (PTX ISA, ldmatrix): lane l holds row l/4, columns 2(l%4) and
 * 2(l%4)+1, the lower column in the low half. .trans delivers the transposed matrix in the same
 * fragment; matrix q of an .x4 load takes its row addresses from lanes 8q..8q+7.
 */
final class MatrixMoveReference implements WorkloadReference {

  @Override
  public Map<String, byte[]> expectedOutputs(LaunchSpec spec, Map<String, byte[]> initial) {
    LaunchData d = new LaunchData(spec, initial, "matrix_move");
    d.require1d();
    d.requireBlock(32);
    short[] in = d.shorts("in");
    int[] out = d.ints("out");
    d.requireCount("in", 256);
    d.requireCount("out", 128); // every block writes the same 128 words
    int[][] tile = new int[32][8];
    for (int r = 0; r < 32; r++) {
      for (int c = 0; c < 8; c++) {
        tile[r][c] = in[r * 8 + c] & 0xFFFF;
      }
    }
    int[][] t = new int[4][32];
    int[] x1 = new int[32];
    for (int lane = 0; lane < 32; lane++) {
      int row = lane / 4;
      int col = 2 * (lane % 4);
      for (int q = 0; q < 4; q++) {
        // Transposed: element (row, col) of M_q^T is M_q[col][row] = tile[8q + col][row].
        t[q][lane] = tile[8 * q + col][row] | tile[8 * q + col + 1][row] << 16;
      }
      x1[lane] = tile[row][col] | tile[row][col + 1] << 16;
    }
    for (int lane = 0; lane < 32; lane++) {
      int row = lane / 4;
      int col = 2 * (lane % 4);
      // movmatrix.trans of A = t0 ^ x1: this lane gets A[col][row] and A[col + 1][row].
      int m = element(t[0], x1, col, row) | element(t[0], x1, col + 1, row) << 16;
      out[lane * 4] = t[0][lane] + m;
      out[lane * 4 + 1] = t[1][lane];
      out[lane * 4 + 2] = t[2][lane];
      out[lane * 4 + 3] = t[3][lane] ^ x1[lane];
    }
    d.put("out", out);
    return d.outputs();
  }

  /** Element (r, c) of the fragment a ^ b: held by lane 4r + c/2, half c % 2. */
  private static int element(int[] a, int[] b, int r, int c) {
    int lane = 4 * r + c / 2;
    return half(a[lane] ^ b[lane], c % 2);
  }

  private static int half(int word, int which) {
    return (word >>> (16 * which)) & 0xFFFF;
  }
}
