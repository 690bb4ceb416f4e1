// Row-wise softmax of a rows x cols matrix, one warp per row (cols a multiple of 32): a max and a
// sum reduction with SHFL.BFLY, and full-precision expf (FFMA range reduction around MUFU.EX2).
// Models the normalisation step of attention layers.
extern "C" __global__ void softmax(const float* __restrict__ in, float* __restrict__ out, int rows,
                                   int cols) {
  int row = (blockIdx.x * blockDim.x + threadIdx.x) / 32;
  int lane = threadIdx.x % 32;
  if (row >= rows) return;
  const float* x = in + row * cols;
  float m = -INFINITY;
  for (int c = lane; c < cols; c += 32) m = fmaxf(m, x[c]);
#pragma unroll
  for (int d = 16; d > 0; d >>= 1) m = fmaxf(m, __shfl_xor_sync(0xffffffffu, m, d));
  float s = 0.f;
  for (int c = lane; c < cols; c += 32) s += expf(x[c] - m);
#pragma unroll
  for (int d = 16; d > 0; d >>= 1) s += __shfl_xor_sync(0xffffffffu, s, d);
  float inv = 1.0f / s;
  for (int c = lane; c < cols; c += 32) out[row * cols + c] = expf(x[c] - m) * inv;
}
