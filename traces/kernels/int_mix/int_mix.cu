// Integer datapath mix: a hash round (LOP3, SHF funnel rotates, IMAD), byte permute (PRMT),
// population count (POPC), leading zeros (FLO), bit reverse (BREV), min/max (IMNMX/VIMNMX) and
// division/remainder by a runtime divisor (the IMAD.HI reciprocal idiom).
extern "C" __global__ void int_mix(const unsigned* __restrict__ in, unsigned* __restrict__ out,
                                   int n, unsigned divisor) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  unsigned v = in[i];
  unsigned h = v * 0x9e3779b9u;
  h ^= __funnelshift_l(h, h, 13);
  h = (h & 0x00ff00ffu) | (~h & v);
  h += __byte_perm(v, h, 0x3715);
  unsigned bits = __popc(v) + __clz(h | 1u) + (__brev(v) >> 27);
  int lo = min(static_cast<int>(v), static_cast<int>(h));
  unsigned hi = max(v, h);
  out[i] = h + bits + static_cast<unsigned>(lo) + hi / divisor + (v % divisor);
}
