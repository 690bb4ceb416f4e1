// sassim-archs: sm_89 sm_90
// FP8 conversions (Ada and Hopper only): float pairs to e4m3x2 / e5m2x2 with satfinite, fp8 pairs
// back to half2 (F2FP / F2F fp8 forms), and half2 to e4m3x2.
#include <cuda_fp8.h>

extern "C" __global__ void fp8_convert(const float2* __restrict__ in, unsigned* __restrict__ out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float2 v = in[i];
  __nv_fp8x2_storage_t e4 = __nv_cvt_float2_to_fp8x2(v, __NV_SATFINITE, __NV_E4M3);
  __nv_fp8x2_storage_t e5 = __nv_cvt_float2_to_fp8x2(v, __NV_NOSAT, __NV_E5M2);
  __half2_raw h4 = __nv_cvt_fp8x2_to_halfraw2(e4, __NV_E4M3);
  __half2_raw h5 = __nv_cvt_fp8x2_to_halfraw2(e5, __NV_E5M2);
  __half2_raw hs;
  hs.x = h4.x ^ h5.y;
  hs.y = h4.y ^ h5.x;
  __nv_fp8x2_storage_t back = __nv_cvt_halfraw2_to_fp8x2(hs, __NV_SATFINITE, __NV_E4M3);
  __nv_fp8_storage_t one = __nv_cvt_float_to_fp8(v.x * 3.0f, __NV_SATFINITE, __NV_E5M2);
  __nv_fp8_storage_t two = __nv_cvt_double_to_fp8(static_cast<double>(v.y), __NV_SATFINITE, __NV_E4M3);
  out[i] = (static_cast<unsigned>(e4) << 16 | e5) ^ (static_cast<unsigned>(back) << 8) ^ one ^
           (static_cast<unsigned>(two) << 24);
}
