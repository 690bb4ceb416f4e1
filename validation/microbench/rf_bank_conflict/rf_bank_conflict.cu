// Register-file bank conflicts (paper section 5.3: bank = register index mod 2; two sources in
// one bank cost one bubble, three cost two; operands served from the reuse cache cost none).
// CUDA cannot pick registers, so each case is an FFMA pattern whose register assignment in the
// listing decides what it measures. One warp; clocks[v] = cycles for 64 FFMAs of case v (0-7):
//   0 dep3:   d = fma(d, x, y), one dependent chain, three distinct sources
//   1 dep1:   d = fma(d, d, d), one dependent chain, one register read three times
//   2 ind3:   8 chains d_i = fma(x_i, y_i, d_i), 16 distinct multiplicands
//   3 indrep: 8 chains d_i = fma(x_i, x_i, d_i), a repeated register in slots a and b
//   4 indshr: 8 chains d_i = fma(x, y, d_i), x and y shared by all chains (.reuse candidates)
//   5 indalt: as 4, but alternating between pairs (x, y) and (z, w)
//   6 even3:  8 in-place chains e_j = fma(e_j+1, e_j+2, e_j) over the .x and .z members of four
//             float4 loads. A vector load fills an aligned register quad, so these are all
//             even-numbered: three sources in one bank, no register repeated back to back
//   7 mixed:  as 6, with the multiplicand e_j+2 taken from the odd .y/.w members instead
// Sources are per-lane values (seeds[i * 32 + lane]) so they stay in vector registers; with
// warp-uniform seeds ptxas moved some into uniform registers (R2UR). Each case runs inside a loop
// of `reps` trips (1 in the spec) because ptxas schedules independent FFMAs across the clock
// reads of a straight block; a loop boundary keeps them inside. That adds the loop's IADD3,
// ISETP and BRA to each case. What the sm_86 listing shows (sm_90: same kinds, other numbers):
//   0: sources R57, R9, R0 - two in the odd bank, and no .reuse despite x, y repeating
//   1: one distinct register: no conflict possible
//   2: three distinct sources, always two in one bank (unavoidable with two banks); no .reuse
//   3: two distinct sources, always in different banks: conflict-free, no .reuse
//   4: .reuse on both multiplicands in all 64 FFMAs (the last drops it): only d_i is read
//   5: no .reuse; slot a alternates R3/R5 (both odd), slot b R2/R4 (both even), so each FFMA has
//      two odd-bank sources and a per-bank reuse entry could not hold both registers of a slot
//   6: ptxas renames the ring inside the loop: only 6 of 64 FFMAs keep three same-bank sources,
//      the other 58 have two; 7: two same-bank sources in all 64
// Cases 2 and 3 also have 16 and 8 MOVs (loop-entry copies) inside their clock brackets.
constexpr int kOps = 64;
constexpr int kSeeds = 24;

#define FMA(d, a, b, c) asm volatile("fma.rn.f32 %0, %1, %2, %3;" : "=f"(d) : "f"(a), "f"(b), "f"(c))

// Eight in-place FFMA chains over e[0..7] (a: e[j+1], b: b_src[j+2], c and d: e[j]).
#define RING(e, bsrc)                                                            \
  _Pragma("unroll") for (int i = 0; i < kOps; ++i)                               \
      FMA(e[i % 8], e[(i + 1) % 8], bsrc[(i + 2) % 8], e[i % 8])

extern "C" __global__ void rf_bank_conflict(const float* __restrict__ seeds,
                                            const float4* __restrict__ quads, int reps,
                                            unsigned* __restrict__ clocks,
                                            float* __restrict__ sink) {
  int lane = threadIdx.x % 32;
  float v[kSeeds];
#pragma unroll
  for (int i = 0; i < kSeeds; ++i) v[i] = seeds[i * 32 + lane];
  float4 q[8];
#pragma unroll
  for (int i = 0; i < 8; ++i) q[i] = quads[i * 32 + lane];
  // Wait for every seed load before the first clock read (never taken for real seeds).
  float check = 0.f;
#pragma unroll
  for (int i = 0; i < kSeeds; ++i) check += v[i];
#pragma unroll
  for (int i = 0; i < 8; ++i) check += q[i].x + q[i].y + q[i].z + q[i].w;
  if (check == -1.0f) return;
  float out = 0.f;
  unsigned t0, t1;

  {  // 0: dependent, three distinct sources
    float d = v[0], x = v[1], y = v[2];
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
#pragma unroll
      for (int i = 0; i < kOps; ++i) FMA(d, d, x, y);
    }
    t1 = clock();
    clocks[0] = t1 - t0;
    out += d;
  }
  {  // 1: dependent, one source used three times
    float d = v[3];
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
#pragma unroll
      for (int i = 0; i < kOps; ++i) FMA(d, d, d, d);
    }
    t1 = clock();
    clocks[1] = t1 - t0;
    out += d;
  }
  {  // 2: 8 independent chains, three distinct sources each
    float d[8];
#pragma unroll
    for (int c = 0; c < 8; ++c) d[c] = v[c];
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
#pragma unroll
      for (int i = 0; i < kOps; ++i) FMA(d[i % 8], v[8 + i % 8], v[16 + i % 8], d[i % 8]);
    }
    t1 = clock();
    clocks[2] = t1 - t0;
#pragma unroll
    for (int c = 0; c < 8; ++c) out += d[c];
  }
  {  // 3: 8 independent chains, a register repeated within each FFMA
    float d[8];
#pragma unroll
    for (int c = 0; c < 8; ++c) d[c] = v[16 + c];
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
#pragma unroll
      for (int i = 0; i < kOps; ++i) FMA(d[i % 8], v[8 + i % 8], v[8 + i % 8], d[i % 8]);
    }
    t1 = clock();
    clocks[3] = t1 - t0;
#pragma unroll
    for (int c = 0; c < 8; ++c) out += d[c];
  }
  {  // 4: 8 independent chains sharing both multiplicands
    float d[8];
#pragma unroll
    for (int c = 0; c < 8; ++c) d[c] = v[c];
    float x = v[20], y = v[21];
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
#pragma unroll
      for (int i = 0; i < kOps; ++i) FMA(d[i % 8], x, y, d[i % 8]);
    }
    t1 = clock();
    clocks[4] = t1 - t0;
#pragma unroll
    for (int c = 0; c < 8; ++c) out += d[c];
  }
  {  // 5: as 4, alternating between two multiplicand pairs
    float d[8];
#pragma unroll
    for (int c = 0; c < 8; ++c) d[c] = v[8 + c];
    float x = v[20], y = v[21], z = v[22], w = v[23];
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
#pragma unroll
      for (int i = 0; i < kOps; ++i) {
        if (i % 2) FMA(d[i % 8], x, y, d[i % 8]);
        else FMA(d[i % 8], z, w, d[i % 8]);
      }
    }
    t1 = clock();
    clocks[5] = t1 - t0;
#pragma unroll
    for (int c = 0; c < 8; ++c) out += d[c];
  }
  {  // 6: three sources in the even bank (the .x/.z members of quads 0-3)
    float e[8] = {q[0].x, q[0].z, q[1].x, q[1].z, q[2].x, q[2].z, q[3].x, q[3].z};
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
      RING(e, e);
    }
    t1 = clock();
    clocks[6] = t1 - t0;
#pragma unroll
    for (int c = 0; c < 8; ++c) out += e[c];
  }
  {  // 7: two sources even (.x/.z of quads 4-7), the multiplicand b odd (.y/.w)
    float e[8] = {q[4].x, q[4].z, q[5].x, q[5].z, q[6].x, q[6].z, q[7].x, q[7].z};
    float o[8] = {q[4].y, q[4].w, q[5].y, q[5].w, q[6].y, q[6].w, q[7].y, q[7].w};
    t0 = clock();
#pragma unroll 1
    for (int r = 0; r < reps; ++r) {
      RING(e, o);
    }
    t1 = clock();
    clocks[7] = t1 - t0;
#pragma unroll
    for (int c = 0; c < 8; ++c) out += e[c] + o[c];
  }
  sink[threadIdx.x] = out;
}
