// Float atomic max and multiply into a few shared bins, built from an atomicCAS retry loop on
// global memory (ATOMG.E.CAS): each lane retries until its compare-and-swap wins, so a warp whose
// lanes hit the same bin stays in a divergent loop for up to 32 trips. Models lock-free updates
// with no native atomic.
__device__ float atomic_max_float(float* addr, float v) {
  int* p = reinterpret_cast<int*>(addr);
  int old = *p, assumed;
  do {
    assumed = old;
    if (__int_as_float(assumed) >= v) break;
    old = atomicCAS(p, assumed, __float_as_int(v));
  } while (old != assumed);
  return __int_as_float(old);
}

__device__ float atomic_mul_float(float* addr, float v) {
  unsigned* p = reinterpret_cast<unsigned*>(addr);
  unsigned old = *p, assumed;
  do {
    assumed = old;
    old = atomicCAS(p, assumed, __float_as_uint(__uint_as_float(assumed) * v));
  } while (old != assumed);
  return __uint_as_float(old);
}

extern "C" __global__ void cas_loop(const float* __restrict__ in, float* maxima, float* products,
                                    int n, int bins) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float v = in[i];
  int b = i % bins;
  atomic_max_float(&maxima[b], v);
  atomic_mul_float(&products[b], 1.0f + v * 1e-3f);
}
