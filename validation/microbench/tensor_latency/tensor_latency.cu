// Dependent-chain latency of the tensor cores (paper section 6: tensor latency depends on shape and
// types). Each mma.sync takes the previous one's accumulator, so time per instruction is the RAW
// latency. One warp; lane 0 writes one clock delta per chain of kChain instructions:
//   clocks[0] empty bracket
//   clocks[1] HMMA.16816.F32 (f16 in, f32 accumulate)   clocks[2] HMMA.16816.F16 (f16 accumulate)
//   clocks[3] HMMA.1688.F32.TF32                         clocks[4] IMMA.16832.S8.S8 (s32 accumulate)
//   clocks[5] DMMA.884 (f64)
// The closing clock read does not wait for the last result, so a delta spans 31 latencies plus one
// issue, as in alu_latency. Fragments come from seeds (small values keep every chain finite);
// results go to sink so no chain is dead code. The sm_86 and sm_90 listings show each chain as 32
// back-to-back tensor instructions between two CS2R reads of SR_CLOCKLO.
constexpr int kChain = 32;

extern "C" __global__ void tensor_latency(const unsigned* __restrict__ seeds,
                                          unsigned* __restrict__ clocks, float* __restrict__ sink) {
  const unsigned a0 = seeds[0], a1 = seeds[1], a2 = seeds[2], a3 = seeds[3];
  const unsigned b0 = seeds[4], b1 = seeds[5];
  // A branch on the seeds makes the warp wait for their loads before the first clock read instead
  // of inside the first timed chain (as in alu_latency). No real seed set takes it.
  if ((a0 ^ a1 ^ a2 ^ a3 ^ b0 ^ b1) == 0x12345678u) return;
  unsigned t0, t1;
  float acc = 0.f;

  t0 = clock();
  t1 = clock();
  const unsigned empty = t1 - t0;

  float c0 = 0.f, c1 = 0.f, c2 = 0.f, c3 = 0.f;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i)
    asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7},"
                 " {%8,%9}, {%0,%1,%2,%3};"
                 : "+f"(c0), "+f"(c1), "+f"(c2), "+f"(c3)
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  t1 = clock();
  const unsigned hmma_f32 = t1 - t0;
  acc += c0 + c1 + c2 + c3;

  unsigned h0 = 0, h1 = 0;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i)
    asm volatile("mma.sync.aligned.m16n8k16.row.col.f16.f16.f16.f16 {%0,%1}, {%2,%3,%4,%5},"
                 " {%6,%7}, {%0,%1};"
                 : "+r"(h0), "+r"(h1)
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  t1 = clock();
  const unsigned hmma_f16 = t1 - t0;
  acc += __uint_as_float(h0 ^ h1);

  float t4 = 0.f, t5 = 0.f, t6 = 0.f, t7 = 0.f;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i)
    asm volatile("mma.sync.aligned.m16n8k8.row.col.f32.tf32.tf32.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7},"
                 " {%8,%9}, {%0,%1,%2,%3};"
                 : "+f"(t4), "+f"(t5), "+f"(t6), "+f"(t7)
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  t1 = clock();
  const unsigned hmma_tf32 = t1 - t0;
  acc += t4 + t5 + t6 + t7;

  int i0 = 0, i1 = 0, i2 = 0, i3 = 0;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i)
    asm volatile("mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7},"
                 " {%8,%9}, {%0,%1,%2,%3};"
                 : "+r"(i0), "+r"(i1), "+r"(i2), "+r"(i3)
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  t1 = clock();
  const unsigned imma = t1 - t0;
  acc += static_cast<float>(i0 + i1 + i2 + i3);

  double d0 = 0.0, d1 = 0.0;
  const double da = __uint_as_float(a0) * 1e-3, db = __uint_as_float(b0) * 1e-3;
  t0 = clock();
#pragma unroll
  for (int i = 0; i < kChain; ++i)
    asm volatile("mma.sync.aligned.m8n8k4.row.col.f64.f64.f64.f64 {%0,%1}, {%2}, {%3}, {%0,%1};"
                 : "+d"(d0), "+d"(d1)
                 : "d"(da), "d"(db));
  t1 = clock();
  const unsigned dmma = t1 - t0;
  acc += static_cast<float>(d0 + d1);

  sink[threadIdx.x] = acc;
  if (threadIdx.x == 0) {
    clocks[0] = empty;
    clocks[1] = hmma_f32;
    clocks[2] = hmma_f16;
    clocks[3] = hmma_tf32;
    clocks[4] = imma;
    clocks[5] = dmma;
  }
}
