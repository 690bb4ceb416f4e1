// C = A * B for row-major n x n matrices, 16x16 shared-memory tiles, each thread computing a 2x2
// block of C. The unrolled inner product is a run of FFMAs sharing operands, which is where
// ptxas sets reuse bits (the register-file cache of the paper's section 5.3.1).
constexpr int kTile = 16;

extern "C" __global__ void sgemm_tiled(const float* __restrict__ a, const float* __restrict__ b,
                                       float* __restrict__ c, int n) {
  __shared__ float as[2 * kTile][kTile];
  __shared__ float bs[kTile][2 * kTile];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * 2 * kTile + ty;
  int col = blockIdx.x * 2 * kTile + tx;
  float c00 = 0.f, c01 = 0.f, c10 = 0.f, c11 = 0.f;
  for (int k0 = 0; k0 < n; k0 += kTile) {
    as[ty][tx] = a[row * n + k0 + tx];
    as[ty + kTile][tx] = a[(row + kTile) * n + k0 + tx];
    bs[ty][tx] = b[(k0 + ty) * n + col];
    bs[ty][tx + kTile] = b[(k0 + ty) * n + col + kTile];
    __syncthreads();
#pragma unroll
    for (int k = 0; k < kTile; ++k) {
      float a0 = as[ty][k], a1 = as[ty + kTile][k];
      float b0 = bs[k][tx], b1 = bs[k][tx + kTile];
      c00 += a0 * b0;
      c01 += a0 * b1;
      c10 += a1 * b0;
      c11 += a1 * b1;
    }
    __syncthreads();
  }
  c[row * n + col] = c00;
  c[row * n + col + kTile] = c01;
  c[(row + kTile) * n + col] = c10;
  c[(row + kTile) * n + col + kTile] = c11;
}
