// Packed half-precision a*x + y on pairs (HFMA2), with the f32 -> f16x2 conversion of the scale
// (F2FP) and a packed add of a bias (HADD2, or HFMA2 with unit multiplier on some targets).
#include <cuda_fp16.h>

extern "C" __global__ void half2_axpy(float a, const __half2* __restrict__ x, __half2* __restrict__ y,
                                      __half2 bias, int n2) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n2) return;
  __half2 a2 = __float2half2_rn(a);
  y[i] = __hadd2(__hfma2(a2, x[i], y[i]), bias);
}
