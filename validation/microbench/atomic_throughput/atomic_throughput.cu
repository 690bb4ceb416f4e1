// Throughput of global atomics at the L2 by address pattern. One warp issues kOps independent
// atomicAdds (ATOMG.E.ADD with a result) from each of its active lanes; the results are summed
// and stored to shared memory before a barrier, so the second clock read waits for the last
// reply. Lane l (l < active) adds to word (l >> shift) * stride of target. shift and stride are
// launch arguments, so ptxas cannot prove lanes share an address and aggregate them into one
// leader atomic (which it does for a literal uniform address). clocks[0] = cycles for the burst.
// The launch specs:
//   one    active 1:                      one operation per instruction
//   same   active 32, shift 5:            32 operations on one word per instruction
//   four   active 32, shift 2, stride 1:  4 lanes per word, 8 words in one 32-byte sector
//   line   active 32, shift 0, stride 1:  32 distinct words of one 128-byte line
//   lines  active 32, shift 0, stride 32: 32 distinct lines
constexpr int kOps = 16;

extern "C" __global__ void atomic_throughput(unsigned* __restrict__ target, int active, int shift,
                                             int stride, unsigned* __restrict__ clocks,
                                             unsigned* __restrict__ sink) {
  __shared__ unsigned done[32];
  int lane = threadIdx.x % 32;
  unsigned* p = target + (lane >> shift) * stride;
  bool on = lane < active;
  __syncthreads();
  unsigned t0 = clock();
  unsigned acc = 0;
  if (on) {
#pragma unroll
    for (int i = 0; i < kOps; ++i) acc += atomicAdd(p, 1u);
  }
  done[lane] = acc;
  __syncthreads();
  unsigned t1 = clock();
  if (lane == 0) clocks[0] = t1 - t0;
  sink[lane] = done[(lane + 1) % 32];
}
