// Load-to-use latency of the global memory hierarchy, measured the way the published numbers
// are: one thread follows a chain of 64-bit device addresses (p = *p), so each hop is a single
// dependent 64-bit load with no address arithmetic in between. The launch spec's pointerChase
// initializer with `pointers: true` fills the chain with absolute addresses; its footprint and
// order decide which level answers (L1, L2 or DRAM). A first pass warms the caches and TLBs;
// the second is timed.
// clocks[0] = cycles of the timed pass (64-bit), sink[0] = the final pointer.
// The chain is read through plain (coherent, L1-cached) global loads, not the read-only path.
// A pointer loaded from memory is generic to the compiler, which would chase it with generic
// LD; ld.global states the space so each hop is one LDG.E.64. The asm is volatile so that it
// stays between the clock reads.

// One hop: the 64-bit word at p, which is the address of the next element.
__device__ __forceinline__ unsigned long long hop(unsigned long long p) {
  unsigned long long next;
  asm volatile("ld.global.u64 %0, [%1];" : "=l"(next) : "l"(p));
  return next;
}

extern "C" __global__ void pointer_chase64(const unsigned long long* chain, int steps,
                                           unsigned long long* __restrict__ clocks,
                                           unsigned long long* __restrict__ sink) {
  unsigned long long p = reinterpret_cast<unsigned long long>(chain);
  for (int s = 0; s < steps; ++s) p = hop(p);
  unsigned long long t0 = clock64();
  for (int s = 0; s < steps; ++s) p = hop(p);
  unsigned long long t1 = clock64();
  clocks[0] = t1 - t0;
  sink[0] = p;
}
