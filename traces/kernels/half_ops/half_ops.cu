// Packed half and bfloat16 forms: min/max with NaN (HMNMX2), comparisons to predicates and masks
// (HSETP2, HSET2), relu FMA, absolute value and negation, h2 division and conversions to ints.
#include <cuda_bf16.h>
#include <cuda_fp16.h>

extern "C" __global__ void half_ops(const __half2* __restrict__ a, const __half2* __restrict__ b,
                                    const __nv_bfloat162* __restrict__ c, __half2* __restrict__ out,
                                    __nv_bfloat162* __restrict__ bout, int* __restrict__ iout, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __half2 x = a[i], y = b[i];
  __half2 m = __hmax2_nan(x, y) + __hmin2(x, y);
  __half2 r = __hfma2_relu(x, y, m);
  __half2 d = __h2div(x, __habs2(y) + __float2half2_rn(1.0f));
  __half2 gt = __hgt2(x, y);
  bool both = __hbgt2(x, y);
  __half2 s = __hsub2_sat(__hneg2(r), d);
  __nv_bfloat162 z = c[i];
  __nv_bfloat162 bz = __hmax2(z, __hmul2(z, z));
  bz = __hfma2(bz, z, __float2bfloat162_rn(0.5f));
  bool bl = __hblt2(z, bz);
  out[i] = __hmul2_sat(s, gt) + h2exp(x) + h2sqrt(__habs2(y));
  bout[i] = bz;
  iout[i] = __half2int_rz(__low2half(x)) + __half2short_rn(__high2half(y)) + __bfloat162int_rd(__low2bfloat16(z)) +
            both + bl + __half2uint_ru(__habs(__high2half(x)));
}
