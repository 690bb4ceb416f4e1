// Instruction fetch: a straight-line body of 3072 FFMAs and integer adds (16 float chains and a
// 16-register add ring, no branches; about 48 KB of code) run twice by one warp, so the first
// pass fetches every line cold (the stream-buffer prefetcher's case) and the second finds them in
// the instruction caches as far as they fit. clocks[0] = cold pass, clocks[1] = warm pass.
// Listings: 1536 FFMA + 1536 IADD3 between the clock reads; on sm_80-sm_89 ptxas closes the
// pass loop with a predicated CALL.REL.NOINC to the epilogue and a BRA back.
constexpr int kRounds = 96;
constexpr int kAcc = 16;

extern "C" __global__ void straight_line(const float* __restrict__ seeds,
                                         unsigned* __restrict__ clocks, float* __restrict__ sink) {
  float x = seeds[0], y = seeds[1];
  float f[kAcc];
  unsigned u[kAcc];
#pragma unroll
  for (int i = 0; i < kAcc; ++i) {
    f[i] = seeds[2 + i];
    u[i] = __float_as_uint(f[i]);
  }
  float check = x + y;
#pragma unroll
  for (int i = 0; i < kAcc; ++i) check += f[i];
  if (check == -1.0f) return;  // waits for the seed loads; never taken
#pragma unroll 1
  for (int pass = 0; pass < 2; ++pass) {
    unsigned t0 = clock();
#pragma unroll
    for (int r = 0; r < kRounds; ++r)
#pragma unroll
      for (int i = 0; i < kAcc; ++i) {
        asm volatile("fma.rn.f32 %0, %0, %1, %2;" : "+f"(f[i]) : "f"(x), "f"(y));
        asm volatile("add.u32 %0, %0, %1;" : "+r"(u[i]) : "r"(u[(i + 1) % kAcc]));
      }
    unsigned t1 = clock();
    clocks[pass] = t1 - t0;
  }
  float acc = 0.f;
#pragma unroll
  for (int i = 0; i < kAcc; ++i) acc += f[i] + static_cast<float>(u[i]);
  sink[threadIdx.x] = acc;
}
