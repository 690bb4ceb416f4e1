// C = A * B for row-major n x n matrices, one thread per element of C and no shared memory: every
// FFMA waits on two global loads (A broadcast within a warp, B coalesced), so the inner loop is
// load-latency bound. The baseline that sgemm_tiled improves on.
extern "C" __global__ void sgemm_naive(const float* __restrict__ a, const float* __restrict__ b,
                                       float* __restrict__ c, int n) {
  int col = blockIdx.x * blockDim.x + threadIdx.x;
  int row = blockIdx.y * blockDim.y + threadIdx.y;
  if (row >= n || col >= n) return;
  float acc = 0.f;
  for (int k = 0; k < n; ++k) acc += a[row * n + k] * b[k * n + col];
  c[row * n + col] = acc;
}
