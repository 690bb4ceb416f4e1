// Load/store cache operators and memory-ordering forms: __ldg/__ldcs/__ldlu/__ldcv, __stcs/__stwt,
// L1::no_allocate, ld.acquire / st.release at gpu scope, prefetch and discard of L2 lines,
// 8-, 16- and 128-bit accesses, and block/system fences.
extern "C" __global__ void mem_hints(const float4* __restrict__ in4, const unsigned char* __restrict__ bytes,
                                     const short* __restrict__ halves, float* __restrict__ out,
                                     float4* __restrict__ out4, unsigned* flag, float* scratch, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float4 v = __ldg(&in4[i]);
  float a = __ldcs(reinterpret_cast<const float*>(in4) + i) + __ldlu(reinterpret_cast<const float*>(in4) + n + i);
  float c = __ldcv(scratch + i);
  float nc;
  asm volatile("ld.global.nc.L1::no_allocate.f32 %0, [%1];" : "=f"(nc) : "l"(reinterpret_cast<const float*>(in4) + 2 * i));
  unsigned acq;
  asm volatile("ld.acquire.gpu.global.u32 %0, [%1];" : "=r"(acq) : "l"(flag) : "memory");
  asm volatile("prefetch.global.L2 [%0];" ::"l"(in4 + n + i));
  asm volatile("prefetch.global.L2::evict_last [%0];" ::"l"(in4 + i));
  unsigned char b = bytes[i];
  short h = halves[i];
  signed char sb = static_cast<signed char>(bytes[n - 1 - i]);
  float s = v.x + v.y + v.z + v.w + a + c + nc + static_cast<float>(acq) + b + h + sb;
  __stcs(out + i, s);
  __stwt(out + n + i, a);
  float4 w = make_float4(s, a, c, nc);
  __stcg(&out4[i], w);
  reinterpret_cast<unsigned char*>(scratch)[4 * n + i] = b + 1;
  reinterpret_cast<short*>(scratch)[4 * n + i] = h - 1;
  __threadfence_block();
  scratch[i] = s;
  __threadfence_system();
  if (i == 0) {
    asm volatile("st.release.gpu.global.u32 [%0], %1;" ::"l"(flag), "r"(1u) : "memory");
    asm volatile("st.relaxed.sys.global.u32 [%0], %1;" ::"l"(flag + 1), "r"(2u) : "memory");
  }
  if (i == n - 1) asm volatile("discard.global.L2 [%0], 128;" ::"l"(scratch + 5 * n) : "memory");
}
