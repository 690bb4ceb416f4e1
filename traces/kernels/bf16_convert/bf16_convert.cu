// Mixed-precision conversions: float pairs packed to __nv_bfloat162 (F2FP.BF16 pack), a
// __hfma2 on bf16 pairs (HFMA2.BF16), unpacking back to float (PRMT/shift or IMAD.U32), and a
// round trip through half (F2FP.PACK_AB, HADD2.F32). Models the casts around bf16 inference code.
#include <cuda_bf16.h>
#include <cuda_fp16.h>

extern "C" __global__ void bf16_convert(const float2* __restrict__ in,
                                        const __nv_bfloat162* __restrict__ scale,
                                        float2* __restrict__ out_bf16, __half2* __restrict__ out_half,
                                        int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float2 f = in[i];
  __nv_bfloat162 b = __float22bfloat162_rn(f);
  __nv_bfloat162 s = scale[i % 64];
  __nv_bfloat162 bias = __floats2bfloat162_rn(0.5f, -0.5f);
  b = __hfma2(b, s, bias);
  b = __hfma2(b, b, s);
  float2 r = __bfloat1622float2(b);
  out_bf16[i] = r;
  __half2 h = __float22half2_rn(make_float2(r.x + f.x, r.y - f.y));
  h = __hfma2(h, __float2half2_rn(0.25f), __low2half2(h));
  out_half[i] = h;
}
