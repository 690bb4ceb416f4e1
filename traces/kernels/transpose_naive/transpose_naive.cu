// Naive out-of-place transpose of a row-major n x n matrix: reads are coalesced along a row but
// each warp's 32 writes land in 32 different rows, one sector each. The uncoalesced counterpart
// of `transpose`, for the memory coalescer and L1/L2 sector traffic.
extern "C" __global__ void transpose_naive(const float* __restrict__ in, float* __restrict__ out,
                                           int n) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < n && y < n) out[x * n + y] = in[y * n + x];
}
