// Load-to-use latency of the global memory hierarchy: one thread follows a chain of element
// indices (j = chain[j]), so every load depends on the one before. A first pass over the chain
// warms the caches and TLBs; the second is timed. The footprint and order of the chain (the
// launch spec's pointerChase initializer) decide which level answers: L1, L2 or DRAM.
// clocks[0] = cycles of the timed pass (64-bit), sink[0] = the final index.
// The chain is read through plain (coherent, L1-cached) loads, not the read-only path.
extern "C" __global__ void pointer_chase(const unsigned* chain, int steps,
                                         unsigned long long* __restrict__ clocks,
                                         unsigned* __restrict__ sink) {
  unsigned j = 0;
  for (int s = 0; s < steps; ++s) j = chain[j];
  unsigned long long t0 = clock64();
  for (int s = 0; s < steps; ++s) j = chain[j];
  unsigned long long t1 = clock64();
  clocks[0] = t1 - t0;
  sink[0] = j;
}
