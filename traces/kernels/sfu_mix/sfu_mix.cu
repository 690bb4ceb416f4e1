// Special-function mix: fast sine, cosine, exp2, log2, reciprocal square root (MUFU.*) plus an
// IEEE division, whose SASS is the reciprocal/FFMA refinement with an FCHK slow-path check.
extern "C" __global__ void sfu_mix(const float* __restrict__ x, const float* __restrict__ y,
                                   float* __restrict__ out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float a = x[i], b = y[i];
  float s = __sinf(a) * __cosf(b);
  float e = exp2f(a * 0.25f) + __log2f(fabsf(b) + 1.0f);
  float r = rsqrtf(fabsf(a) + 1.0f);
  out[i] = s + e * r + a / b;
}
