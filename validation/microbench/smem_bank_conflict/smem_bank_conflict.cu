// Shared-memory bank conflicts: one warp, lane l reads word l*stride for strides 1, 2, 4, 8, 16,
// 32 (1-, 2-, 4-, 8-, 16- and 32-way conflicts over the 32 four-byte banks) and then all lanes one
// word (a broadcast, conflict-free). Every word holds its own shared address, so each case is a
// chain of kLoads dependent loads (a = s[a]); clocks[case] = cycles for the chain, in the order
// above (7 cases). The listings show one LDS per load and nothing else between the clock reads;
// the second read does not wait for the last LDS, so a delta is 15 load-to-use times + 1 issue.
constexpr int kWords = 1024;
constexpr int kLoads = 16;

__device__ __forceinline__ unsigned chase(unsigned a) {
#pragma unroll
  for (int i = 0; i < kLoads; ++i) asm volatile("ld.volatile.shared.u32 %0, [%0];" : "+r"(a));
  return a;
}

extern "C" __global__ void smem_bank_conflict(unsigned* __restrict__ clocks,
                                              unsigned* __restrict__ sink) {
  __shared__ unsigned s[kWords];
  unsigned base = static_cast<unsigned>(__cvta_generic_to_shared(s));
  for (int w = threadIdx.x; w < kWords; w += blockDim.x) s[w] = base + 4 * w;
  __syncthreads();
  int lane = threadIdx.x % 32;
  unsigned acc = 0;
#pragma unroll
  for (int c = 0; c < 7; ++c) {
    // c = 0..5: stride 1 << c; c = 6: broadcast of word 0.
    unsigned a = c < 6 ? base + 4 * ((lane << c) % kWords) : base;
    a = chase(a);  // untimed pass; a comes back unchanged
    // Branching on the result makes the warp wait for the untimed chain before the clock read.
    // Addresses are multiples of 4, so the branch is never taken.
    if (a == 1u) return;
    unsigned t0 = clock();
    a = chase(a);
    unsigned t1 = clock();
    acc ^= a;
    if (lane == 0) clocks[c] = t1 - t0;
  }
  sink[threadIdx.x] = acc;
}
