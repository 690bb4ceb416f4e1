// Double-precision Horner evaluation of a degree-7 polynomial: a dependent chain of DFMAs, with
// DMUL/DADD on either side. The FP64 pipe is shared by the sub-cores on GA10x and AD10x.
extern "C" __global__ void dpoly(const double* __restrict__ x, const double* __restrict__ coef,
                                 double* __restrict__ y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  double v = x[i];
  double acc = coef[7];
#pragma unroll
  for (int k = 6; k >= 0; --k) acc = fma(acc, v, coef[k]);
  y[i] = acc * v + (v + 1.0);
}
