// 64-bit integer arithmetic as hashing and index code uses it: a 64x64 multiply (IMAD.WIDE.U32
// plus IMAD cross terms), add with carry (IADD3 + IADD3.X), 64-bit shifts (SHF.L/R.U64 pairs),
// and unsigned 64-bit division and remainder by a runtime divisor, which ptxas emits as a
// 32-bit fast path when both operands fit and a CALL to a 64-bit division subroutine otherwise.
extern "C" __global__ void int64_math(const unsigned long long* __restrict__ in,
                                      unsigned long long* __restrict__ out, int n,
                                      unsigned long long mult, int rounds) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  unsigned long long h = in[i];
  for (int r = 0; r < rounds; ++r) {
    h ^= h >> 29;
    h *= mult;
    h += (h << 17) | (h >> 47);
    // Odd rounds divide all 64 bits (the subroutine), even rounds the high word (the fast path).
    unsigned long long num = (r & 1) ? h : h >> 32;
    unsigned long long d = (h >> 40) | 3ull;
    unsigned long long q = num / d;
    h = (h ^ q) + num % d;
  }
  out[i] = h;
}
