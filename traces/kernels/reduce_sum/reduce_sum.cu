// Integer sum of a vector: grid-stride accumulation, a shared-memory tree across the warps of a
// block (BAR.SYNC), a shuffle tree inside the last warp (SHFL.DOWN), one global atomic per block.
// Integers keep the result independent of the order the atomics land in.
constexpr int kBlock = 256;

extern "C" __global__ void reduce_sum(const int* __restrict__ in, int* __restrict__ out, int n) {
  __shared__ int partial[kBlock];
  int acc = 0;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    acc += in[i];
  }
  partial[threadIdx.x] = acc;
  __syncthreads();
  for (int s = kBlock / 2; s >= 32; s >>= 1) {
    if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x < 32) {
    int v = partial[threadIdx.x];
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    if (threadIdx.x == 0) atomicAdd(out, v);
  }
}
