// D = A * B with f16 inputs and f32 accumulation on the tensor cores (HMMA.16816.F32).
// A is m x k row-major, B is k x n column-major (each column contiguous), D is m x n row-major;
// m, n and k are multiples of 16, 8 and 16. Each warp owns one 16x8 tile of D: per 16-wide k
// step it stages A and B in shared memory, loads fragments with ldmatrix (LDSM) and issues one
// mma.sync. Fragment layouts follow the PTX ISA's m16n8k16 description.
#include <cuda_fp16.h>

constexpr int kWarps = 4;  // warps per block, each on its own tile along n

extern "C" __global__ void hgemm_mma(const __half* __restrict__ a, const __half* __restrict__ b,
                                     float* __restrict__ d, int m, int n, int k) {
  __shared__ __align__(16) __half as[kWarps][16][16];
  __shared__ __align__(16) __half bs[kWarps][8][16];
  int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  int row0 = blockIdx.y * 16;
  int col0 = (blockIdx.x * kWarps + warp) * 8;
  float acc[4] = {0.f, 0.f, 0.f, 0.f};
  for (int k0 = 0; k0 < k; k0 += 16) {
    // Each lane copies 16 bytes of A (rows lane/2, half lane%2) and 8 bytes of B.
    int r = lane / 2, h = (lane % 2) * 8;
    *reinterpret_cast<uint4*>(&as[warp][r][h]) =
        *reinterpret_cast<const uint4*>(&a[(row0 + r) * k + k0 + h]);
    int bc = lane / 4, bq = (lane % 4) * 4;
    *reinterpret_cast<uint2*>(&bs[warp][bc][bq]) =
        *reinterpret_cast<const uint2*>(&b[(col0 + bc) * k + k0 + bq]);
    __syncwarp();
    unsigned a0, a1, a2, a3, b0, b1;
    // x4: lanes 0-15 address rows 0-15 of the left 8 columns, lanes 16-31 the right 8 columns.
    unsigned aaddr = static_cast<unsigned>(
        __cvta_generic_to_shared(&as[warp][lane % 16][(lane / 16) * 8]));
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];"
                 : "=r"(a0), "=r"(a1), "=r"(a2), "=r"(a3) : "r"(aaddr));
    // x2: lanes 0-7 address the 8 columns' first k-half, lanes 8-15 the second.
    unsigned baddr = static_cast<unsigned>(
        __cvta_generic_to_shared(&bs[warp][lane % 8][((lane / 8) % 2) * 8]));
    asm volatile("ldmatrix.sync.aligned.m8n8.x2.shared.b16 {%0,%1}, [%2];"
                 : "=r"(b0), "=r"(b1) : "r"(baddr));
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 "
        "{%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
        : "+f"(acc[0]), "+f"(acc[1]), "+f"(acc[2]), "+f"(acc[3])
        : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
    __syncwarp();
  }
  int r = row0 + lane / 4, c = col0 + (lane % 4) * 2;
  d[r * n + c] = acc[0];
  d[r * n + c + 1] = acc[1];
  d[(r + 8) * n + c] = acc[2];
  d[(r + 8) * n + c + 1] = acc[3];
}
