// Issue rate of independent memory instructions (paper Table 1): each warp issues kLoads
// independent 32-bit global loads that hit in L1 (the same lines were loaded just before) and
// reads the clock right after the last one is issued, before any result is used. The timed loads
// read each line at a rotated lane offset so the compiler cannot reuse the warm-up values. Launch with
// 1 to 4 warps per block to occupy 1 to 4 sub-cores (warp w runs on sub-core w mod 4).
// clocks[warp] = cycles from the first to the last issue; sink keeps the loaded values alive.
constexpr int kLoads = 12;

extern "C" __global__ void mem_issue(const float* data, unsigned* __restrict__ clocks,
                                     float* __restrict__ sink) {
  int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  const float* p = data + lane;
  float warm = 0.f;
#pragma unroll
  for (int i = 0; i < kLoads; ++i) warm += p[i * 32];
  __syncthreads();
  const float* q = data + (lane + 1) % 32;
  float v[kLoads];
  unsigned t0 = clock();
#pragma unroll
  for (int i = 0; i < kLoads; ++i) v[i] = q[i * 32];
  unsigned t1 = clock();
  float acc = warm;
#pragma unroll
  for (int i = 0; i < kLoads; ++i) acc += v[i];
  if (lane == 0) clocks[warp] = t1 - t0;
  sink[threadIdx.x] = acc;
}
