// sassim-archs: sm_90a
// Hopper warpgroup MMA (wgmma = HGMMA): one warpgroup of 128 threads computes a 64x8 tile of
// D = A * B with f16 inputs and f32 accumulation. A is m x k row-major, B is k x n column-major
// (each column contiguous), D is m x n row-major; m, n, k are multiples of 64, 8 and 16.
// Both operands are read from shared memory through matrix descriptors in the no-swizzle layout:
// 8x8 "core matrices" of 128 contiguous bytes, LBO = distance between core matrices along k,
// SBO = distance along m or n.
#include <cuda_fp16.h>

__device__ __forceinline__ unsigned long long smem_desc(const void* p, unsigned lbo, unsigned sbo) {
  unsigned addr = static_cast<unsigned>(__cvta_generic_to_shared(p));
  return static_cast<unsigned long long>((addr >> 4) & 0x3fff) |
         static_cast<unsigned long long>((lbo >> 4) & 0x3fff) << 16 |
         static_cast<unsigned long long>((sbo >> 4) & 0x3fff) << 32;
}

// Byte offset of element (row, col) of a tile with 16 columns in the core-matrix layout.
__device__ __forceinline__ int core_offset(int row, int col) {
  return (row / 8) * 256 + (col / 8) * 128 + (row % 8) * 16 + (col % 8) * 2;
}

extern "C" __global__ void __launch_bounds__(128)
wgmma_tile(const __half* __restrict__ a, const __half* __restrict__ b, float* __restrict__ d, int m,
           int n, int k) {
  __shared__ __align__(128) unsigned char as[64 * 16 * 2];
  __shared__ __align__(128) unsigned char bs[8 * 16 * 2];
  int t = threadIdx.x;
  int row0 = blockIdx.y * 64, col0 = blockIdx.x * 8;
  float acc0 = 0.f, acc1 = 0.f, acc2 = 0.f, acc3 = 0.f;
  for (int k0 = 0; k0 < k; k0 += 16) {
    // A tile: 64 rows x 16 halves; each thread moves one row's 8-half (16-byte) half-row.
    int r = t / 2, h = (t % 2) * 8;
    *reinterpret_cast<uint4*>(as + core_offset(r, h)) =
        *reinterpret_cast<const uint4*>(&a[(row0 + r) * k + k0 + h]);
    if (t < 16) {  // B tile: 8 columns x 16 halves, stored like an 8-row K-major tile.
      int c = t / 2;
      *reinterpret_cast<uint4*>(bs + core_offset(c, h)) =
          *reinterpret_cast<const uint4*>(&b[(col0 + c) * k + k0 + h]);
    }
    // Generic-proxy writes must be made visible to the async proxy that wgmma reads through.
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
    __syncthreads();
    unsigned long long da = smem_desc(as, 128, 256);
    unsigned long long db = smem_desc(bs, 128, 256);
    asm volatile("wgmma.fence.sync.aligned;" ::: "memory");
    asm volatile(
        "{\n.reg .pred p;\nsetp.ne.b32 p, %6, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n8k16.f32.f16.f16 "
        "{%0,%1,%2,%3}, %4, %5, p, 1, 1, 0, 0;\n}"
        : "+f"(acc0), "+f"(acc1), "+f"(acc2), "+f"(acc3)
        : "l"(da), "l"(db), "r"(k0 > 0 ? 1 : 0)
        : "memory");
    asm volatile("wgmma.commit_group.sync.aligned;" ::: "memory");
    asm volatile("wgmma.wait_group.sync.aligned 0;" ::: "memory");
    __syncthreads();
  }
  int warp = t / 32, lane = t % 32;
  int r = row0 + warp * 16 + lane / 4, c = col0 + (lane % 4) * 2;
  d[r * n + c] = acc0;
  d[r * n + c + 1] = acc1;
  d[(r + 8) * n + c] = acc2;
  d[(r + 8) * n + c + 1] = acc3;
}
