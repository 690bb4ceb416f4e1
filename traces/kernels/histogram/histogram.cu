// 256-bin histogram of bytes: per-block bins in shared memory (ATOMS), merged into the global
// histogram with one atomic add per bin and block (RED / ATOMG).
constexpr int kBins = 256;

extern "C" __global__ void histogram(const unsigned char* __restrict__ data, unsigned* __restrict__ bins,
                                     int n) {
  __shared__ unsigned local[kBins];
  for (int i = threadIdx.x; i < kBins; i += blockDim.x) local[i] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    atomicAdd(&local[data[i]], 1u);
  }
  __syncthreads();
  for (int i = threadIdx.x; i < kBins; i += blockDim.x) {
    if (local[i] != 0) atomicAdd(&bins[i], local[i]);
  }
}
