// FP32/FP16 corner forms: explicit rounding modes (__fadd_rz, __fmul_ru, __fmaf_rd, __fsqrt_rn),
// saturation, fast division, tanh.approx (MUFU.TANH), ex2.approx.f16x2, copysign, NaN/Inf tests
// (FSETP.NAN), frexpf/ldexpf, and fminf/fmaxf with NaN propagation (min.NaN).
#include <cuda_fp16.h>

extern "C" __global__ void fp_rounding(const float* __restrict__ a, const float* __restrict__ b,
                                       float* __restrict__ out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float x = a[i], y = b[i];
  float s = __fadd_rz(x, y) + __fmul_ru(x, y) + __fmaf_rd(x, y, 1.0f) + __fsub_rn(x, y);
  s += __saturatef(x * 0.25f) + __fsqrt_rn(fabsf(y)) + __fdividef(x, y + 3.0f) + __frcp_rz(y + 2.0f);
  float t;
  asm("tanh.approx.f32 %0, %1;" : "=f"(t) : "f"(x));
  unsigned h2 = 0;
  __half2 hv = __floats2half2_rn(x * 0.1f, y * 0.1f);
  asm("ex2.approx.f16x2 %0, %1;" : "=r"(h2) : "r"(*reinterpret_cast<unsigned*>(&hv)));
  float nanmin;
  asm("min.NaN.f32 %0, %1, %2;" : "=f"(nanmin) : "f"(x), "f"(y));
  int e;
  float m = frexpf(x, &e);
  float l = ldexpf(y, e & 7);
  float c = copysignf(t, y);
  int flags = isnan(x / y) + 2 * isinf(x * 1e38f) + 4 * signbit(y) + 8 * isfinite(m);
  float r = fminf(x, y) + fmaxf(x, nanmin) + truncf(x) + rintf(y) + floorf(x * 3.5f) + ceilf(y);
  out[i] = s + t + c + l + r + static_cast<float>(flags) + __low2float(*reinterpret_cast<__half2*>(&h2)) +
           static_cast<float>(__float2int_rd(x)) + static_cast<float>(__float2uint_ru(fabsf(y)));
}
