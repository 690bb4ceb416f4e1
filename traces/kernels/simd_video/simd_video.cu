// SIMD-within-a-register and bit-field integer forms: video ops (__vabsdiffu4, __vadd2, __sad),
// dot products (__dp4a, __dp2a_lo: IDP), funnel shifts, 64-bit bit counts, bfe/bfi/bmsk and
// mul24 / mul.hi.u64 through inline PTX.
extern "C" __global__ void simd_video(const unsigned* __restrict__ a, const unsigned* __restrict__ b,
                                      unsigned long long* __restrict__ out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  unsigned x = a[i], y = b[i];
  unsigned v = __vabsdiffu4(x, y) + __vadd2(x, y) + __sad(x, y, 7u) + __vmaxu4(x, y);
  int d = __dp4a(static_cast<int>(x), static_cast<int>(y), 3) + __dp2a_lo(x, y, 5u);
  unsigned p = __byte_perm(x, y, 0x5140) ^ __funnelshift_r(x, y, y) ^ __funnelshift_lc(x, y, 40);
  unsigned long long w = (static_cast<unsigned long long>(x) << 32) | y;
  int bits = __clzll(static_cast<long long>(w)) + __popcll(w) + __ffsll(static_cast<long long>(w)) + __ffs(x);
  unsigned long long r = __brevll(w);
  unsigned f, g, m, m24, hi32;
  unsigned long long hi64;
  asm("bfe.u32 %0, %1, %2, 7;" : "=r"(f) : "r"(x), "r"(y & 31u));
  asm("bfi.b32 %0, %1, %2, 4, %3;" : "=r"(g) : "r"(x), "r"(y), "r"(x & 15u));
  asm("bmsk.wrap.b32 %0, %1, %2;" : "=r"(m) : "r"(x & 31u), "r"(y & 31u));
  asm("mul24.lo.u32 %0, %1, %2;" : "=r"(m24) : "r"(x), "r"(y));
  asm("mul.hi.u32 %0, %1, %2;" : "=r"(hi32) : "r"(x), "r"(y));
  asm("mul.hi.u64 %0, %1, %2;" : "=l"(hi64) : "l"(w), "l"(r));
  int sx;
  asm("bfe.s32 %0, %1, 3, 9;" : "=r"(sx) : "r"(x));
  unsigned sext;
  asm("szext.wrap.s32 %0, %1, %2;" : "=r"(sext) : "r"(x), "r"(y & 31u));
  out[i] = hi64 + r + v + static_cast<unsigned>(d) + p + bits + f + g + m + m24 + hi32 + sx + sext;
}
