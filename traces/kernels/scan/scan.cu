// Block-level inclusive prefix sum over 256 elements per block: a SHFL.UP scan inside each warp,
// the warp totals scanned through shared memory by warp 0, then added back. Models the two-level
// scan of stream compaction and radix sort; block_sums receives each block's total.
constexpr int kBlock = 256;
constexpr int kWarps = kBlock / 32;

__device__ __forceinline__ int warp_inclusive_scan(int v, int lane) {
#pragma unroll
  for (int d = 1; d < 32; d <<= 1) {
    int up = __shfl_up_sync(0xffffffffu, v, d);
    if (lane >= d) v += up;
  }
  return v;
}

extern "C" __global__ void scan(const int* __restrict__ in, int* __restrict__ out,
                                int* __restrict__ block_sums, int n) {
  __shared__ int warp_totals[kWarps];
  int i = blockIdx.x * kBlock + threadIdx.x;
  int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  int v = i < n ? in[i] : 0;
  v = warp_inclusive_scan(v, lane);
  if (lane == 31) warp_totals[warp] = v;
  __syncthreads();
  if (warp == 0) {
    int t = lane < kWarps ? warp_totals[lane] : 0;
    t = warp_inclusive_scan(t, lane);
    if (lane < kWarps) warp_totals[lane] = t;
  }
  __syncthreads();
  if (warp > 0) v += warp_totals[warp - 1];
  if (i < n) out[i] = v;
  if (threadIdx.x == kBlock - 1) block_sums[blockIdx.x] = v;
}
