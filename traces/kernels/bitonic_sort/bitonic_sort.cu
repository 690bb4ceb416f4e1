// Bitonic sort of 1024 keys per block in shared memory, one thread per key pair: log2(1024)
// stages of compare-exchange separated by BAR.SYNC. Each exchange picks min/max by a data-dependent
// comparison and direction bit (ISETP + SEL / IMNMX), so lanes diverge in data but not in control.
constexpr int kKeys = 1024;

extern "C" __global__ void bitonic_sort(unsigned* __restrict__ keys) {
  __shared__ unsigned s[kKeys];
  unsigned* base = keys + blockIdx.x * kKeys;
  for (int i = threadIdx.x; i < kKeys; i += blockDim.x) s[i] = base[i];
  __syncthreads();
  for (int k = 2; k <= kKeys; k <<= 1) {
    for (int j = k >> 1; j > 0; j >>= 1) {
      for (int t = threadIdx.x; t < kKeys / 2; t += blockDim.x) {
        // t-th pair: lo has bit j clear, hi = lo + j.
        int lo = 2 * t - (t & (j - 1));
        int hi = lo + j;
        unsigned a = s[lo], b = s[hi];
        bool ascending = (lo & k) == 0;
        bool swap = (a > b) == ascending;
        s[lo] = swap ? b : a;
        s[hi] = swap ? a : b;
      }
      __syncthreads();
    }
  }
  for (int i = threadIdx.x; i < kKeys; i += blockDim.x) base[i] = s[i];
}
