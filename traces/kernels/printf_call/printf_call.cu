// Device printf: the format string in a global constant, arguments packed on the local stack,
// and an external CALL to vprintf resolved by a relocation.
#include <cstdio>

extern "C" __global__ void printf_call(const float* __restrict__ in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && (i & 15) == 0) printf("thread %d value %f tag %llx\n", i, static_cast<double>(in[i]), 0x5a55ull * i);
}
