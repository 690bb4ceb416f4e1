// Collatz stopping times: every thread runs a data-dependent loop with an if/else inside, so
// warps diverge and reconverge (BSSY/BSYNC). Capped so that every input terminates.
extern "C" __global__ void collatz(const unsigned* __restrict__ start, unsigned* __restrict__ steps,
                                   int n, unsigned cap) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  unsigned long long v = start[i];
  unsigned s = 0;
  while (v > 1 && s < cap) {
    if (v & 1) {
      v = 3 * v + 1;
    } else {
      v >>= 1;
    }
    ++s;
  }
  steps[i] = s;
}
