// Shared-memory matrix fragment moves: ldmatrix with .trans (LDSM.16.MT88), movmatrix
// (MOVM.16.MT88, a register-only transpose) and a 16-bit ldmatrix.x1.
extern "C" __global__ void matrix_move(const unsigned short* __restrict__ in, unsigned* __restrict__ out) {
  __shared__ __align__(16) unsigned short tile[32][8];
  int lane = threadIdx.x % 32;
  for (int j = 0; j < 8; ++j) tile[lane][j] = in[lane * 8 + j];
  __syncwarp();
  unsigned addr = static_cast<unsigned>(__cvta_generic_to_shared(&tile[lane][0]));
  unsigned t0, t1, t2, t3, x1, m;
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0,%1,%2,%3}, [%4];"
               : "=r"(t0), "=r"(t1), "=r"(t2), "=r"(t3) : "r"(addr));
  asm volatile("ldmatrix.sync.aligned.m8n8.x1.shared.b16 {%0}, [%1];" : "=r"(x1) : "r"(addr));
  asm volatile("movmatrix.sync.aligned.m8n8.trans.b16 %0, %1;" : "=r"(m) : "r"(t0 ^ x1));
  out[lane * 4 + 0] = t0 + m;
  out[lane * 4 + 1] = t1;
  out[lane * 4 + 2] = t2;
  out[lane * 4 + 3] = t3 ^ x1;
}
