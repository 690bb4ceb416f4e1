// Issue of independent instructions from 1, 2 or 4 warps sharing one sub-core scheduler (the
// stall counter and yield bit of the control codes decide how often a warp may issue and when
// the scheduler switches). Warp w runs on sub-core w mod 4, so only warps with w % stride == 0
// run the timed streams (the others wait at a barrier); with stride 4 they all share sub-core 0. Each active warp times three
// streams of 128 instructions over 8 accumulators: FFMA (f_i = f_i * x + y), integer add
// (u_i += u_i+1 around a ring, which stops ptxas folding two adds into one IADD3; every source
// is at least 7 instructions old), and FFMA and add alternating. For active warp a: clocks[4a + s] = cycles of stream s (s = 0, 1, 2) and
// clocks[4a + 3] = how much later than the block's earliest warp it started its FFMA stream.
// Listings: exactly the 128 / 128 / 64+64 instructions between each pair of clock reads, but
// ptxas emits about a tenth of the adds as IMAD.IADD (FMA pipe) instead of IADD3 (sm_86: 12 of
// 128 in stream 1, 6 of 64 in stream 2), which the issue model must route to the right unit.
constexpr int kRounds = 16;
constexpr int kAcc = 8;

extern "C" __global__ void stall_yield(const float* __restrict__ seeds, int stride,
                                       unsigned* __restrict__ clocks, float* __restrict__ sink) {
  __shared__ unsigned first_start;
  int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  if (threadIdx.x == 0) first_start = 0xffffffffu;
  float x = seeds[0], y = seeds[1];
  float f[kAcc];
  unsigned u[kAcc];
#pragma unroll
  for (int i = 0; i < kAcc; ++i) {
    f[i] = seeds[2 + i];
    u[i] = __float_as_uint(f[i]);
  }
  __syncthreads();  // also waits for the seed loads
  // Idle warps skip straight to the final barrier (a branch and BAR.SYNC, then no more issue).
  bool active = warp % stride == 0;
  int a = warp / stride;
  unsigned t0 = 0, t1 = 0, t2 = 0, t3 = 0;
  if (active) {
    t0 = clock();
#pragma unroll
    for (int r = 0; r < kRounds; ++r)
#pragma unroll
      for (int i = 0; i < kAcc; ++i)
        asm volatile("fma.rn.f32 %0, %0, %1, %2;" : "+f"(f[i]) : "f"(x), "f"(y));
    t1 = clock();
#pragma unroll
    for (int r = 0; r < kRounds; ++r)
#pragma unroll
      for (int i = 0; i < kAcc; ++i)
        asm volatile("add.u32 %0, %0, %1;" : "+r"(u[i]) : "r"(u[(i + 1) % kAcc]));
    t2 = clock();
#pragma unroll
    for (int r = 0; r < kRounds / 2; ++r)
#pragma unroll
      for (int i = 0; i < kAcc; ++i) {
        asm volatile("fma.rn.f32 %0, %0, %1, %2;" : "+f"(f[i]) : "f"(x), "f"(y));
        asm volatile("add.u32 %0, %0, %1;" : "+r"(u[i]) : "r"(u[(i + 1) % kAcc]));
      }
    t3 = clock();
    if (lane == 0) atomicMin(&first_start, t0);
  }
  float acc = 0.f;
#pragma unroll
  for (int i = 0; i < kAcc; ++i) acc += f[i] + static_cast<float>(u[i]);
  sink[threadIdx.x] = acc;
  __syncthreads();
  if (active && lane == 0) {
    clocks[4 * a + 0] = t1 - t0;
    clocks[4 * a + 1] = t2 - t1;
    clocks[4 * a + 2] = t3 - t2;
    clocks[4 * a + 3] = t0 - first_start;
  }
}
