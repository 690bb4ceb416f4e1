// Dependent-chain latency of the fixed- and variable-latency arithmetic units, measured with
// the SM clock (paper section 4's method). One warp; lane 0 writes one clock delta per chain:
//   clocks[0] empty bracket (the cost of reading the clock twice)
//   clocks[1] FADD  clocks[2] FFMA  clocks[3] IMAD   clocks[4] LOP3+IADD3
//   clocks[5] HFMA2 clocks[6] DFMA  clocks[7] MUFU.RSQ
// each over kChain dependent operations. seeds[0..2] are runtime operands (the launch spec gives
// 1.0, 0.75, 0.5, which keep every chain finite); the results go to sink so no chain is dead code.
#include <cuda_fp16.h>

constexpr int kChain = 32;

extern "C" __global__ void alu_latency(const float* __restrict__ seeds, unsigned* __restrict__ clocks,
                                       float* __restrict__ sink) {
  float x = seeds[0], y = seeds[1], z = seeds[2];
  // A branch on the seeds makes the warp wait for their loads here, before the first clock read,
  // instead of inside the first timed chain. No real seed set takes it.
  if ((__float_as_uint(x) ^ __float_as_uint(y) ^ __float_as_uint(z)) == 0xffffffffu) return;
  unsigned t0, t1;
  float acc = 0.f;

  t0 = clock();
  t1 = clock();
  unsigned empty = t1 - t0;

  float f = x;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i) f = f + y;
  t1 = clock();
  unsigned fadd = t1 - t0;
  acc += f;

  f = x;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i) f = f * y + z;
  t1 = clock();
  unsigned ffma = t1 - t0;
  acc += f;

  unsigned u = __float_as_uint(x), uy = __float_as_uint(y);
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i) u = u * u + uy;
  t1 = clock();
  unsigned imad = t1 - t0;
  acc += static_cast<float>(u);

  unsigned w = __float_as_uint(z);
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i) w = (w ^ uy) + w;
  t1 = clock();
  unsigned lop_add = t1 - t0;
  acc += static_cast<float>(w);

  __half2 h = __floats2half2_rn(x, y), hy = __floats2half2_rn(y, y), hz = __floats2half2_rn(z, z);
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i) h = __hfma2(h, hy, hz);
  t1 = clock();
  unsigned hfma2 = t1 - t0;
  acc += __low2float(h) + __high2float(h);

  double d = x, dy = y, dz = z;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i) d = fma(d, dy, dz);
  t1 = clock();
  unsigned dfma = t1 - t0;
  acc += static_cast<float>(d);

  f = x + 1.0f;
  t0 = clock();
#pragma unroll
  // The PTX approximation maps to a bare MUFU.RSQ; rsqrtf() would add denormal fix-up code.
  for (int i = 0; i < kChain; ++i) asm volatile("rsqrt.approx.ftz.f32 %0, %0;" : "+f"(f));
  t1 = clock();
  unsigned mufu = t1 - t0;
  acc += f;

  if (threadIdx.x == 0) {
    clocks[0] = empty;
    clocks[1] = fadd;
    clocks[2] = ffma;
    clocks[3] = imad;
    clocks[4] = lop_add;
    clocks[5] = hfma2;
    clocks[6] = dfma;
    clocks[7] = mufu;
  }
  sink[threadIdx.x] = acc;
}
