// Load-to-use latency of shared memory: the block copies a chain of indices into shared memory,
// then thread 0 follows it (j = chain[j]) for `steps` dependent loads between two clock reads.
// The chain must have at most kWords elements. clocks[0] = cycles, sink[0] = final index.
constexpr int kWords = 4096;

extern "C" __global__ void shared_chase(const unsigned* __restrict__ chain, int words, int steps,
                                        unsigned* __restrict__ clocks, unsigned* __restrict__ sink) {
  __shared__ unsigned s[kWords];
  for (int i = threadIdx.x; i < words && i < kWords; i += blockDim.x) s[i] = chain[i];
  __syncthreads();
  if (threadIdx.x != 0) return;
  unsigned j = 0;
  unsigned t0 = clock();
  for (int k = 0; k < steps; ++k) j = s[j];
  unsigned t1 = clock();
  clocks[0] = t1 - t0;
  sink[0] = j;
}
