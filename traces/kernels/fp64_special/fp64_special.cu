// FP64 special functions and conversions: sqrt, rsqrt, division and rcp (MUFU.RSQ64H/RCP64H with
// their slow paths), and cvt between f64, f32, f16, bf16, s8, u64 and s64 with explicit rounding
// and saturation.
#include <cuda_bf16.h>
#include <cuda_fp16.h>

extern "C" __global__ void fp64_special(const double* __restrict__ a, const double* __restrict__ b,
                                        double* __restrict__ out, unsigned* __restrict__ packed, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  double x = a[i], y = b[i];
  double s = sqrt(fabs(x)) + rsqrt(fabs(y) + 1.0) + x / y + __drcp_rn(y) + __dsqrt_rz(fabs(y));
  s += __dadd_ru(x, y) + __dmul_rd(x, y) + __fma_rz(x, y, 0.5) + fmin(x, y) + fmax(x, y) + trunc(x);
  float f = __double2float_rz(x);
  __half h = __double2half(y);
  __nv_bfloat16 bf = __double2bfloat16(x);
  signed char s8;
  asm("cvt.rni.sat.s8.f64 %0, %1;" : "=h"(*reinterpret_cast<short*>(&s8)) : "d"(x * 40.0));
  short s8w;
  asm("cvt.rzi.sat.s8.f64 %0, %1;" : "=h"(s8w) : "d"(y * 40.0));
  unsigned long long u = __double2ull_ru(fabs(x) * 1e6);
  long long sl = __double2ll_rd(y * 1e6);
  double back = __ull2double_rz(u) + __ll2double_rn(sl) + static_cast<double>(f);
  float hf = __half2float(h) + __bfloat162float(bf);
  unsigned short fh;
  asm("cvt.rn.f16.f64 %0, %1;" : "=h"(fh) : "d"(x));
  out[i] = s + back + hf + static_cast<double>(s8w) + ilogb(x + 2.0);
  packed[i] = (static_cast<unsigned>(static_cast<unsigned char>(s8)) << 16) | fh;
}
