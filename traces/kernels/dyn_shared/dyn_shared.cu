// Dynamic shared memory (extern __shared__, sized by the launch) plus a real call: a __noinline__
// device function that smooths one shared-memory window, which ptxas emits as CALL.REL.NOINC/RET
// with arguments in registers. Each block loads blockDim.x + 2 * kRadius values, halo included.
constexpr int kRadius = 4;

__device__ __noinline__ float window_average(const float* s, int center) {
  float acc = 0.f;
#pragma unroll
  for (int d = -kRadius; d <= kRadius; ++d) acc += s[center + d];
  return acc * (1.0f / (2 * kRadius + 1));
}

extern "C" __global__ void dyn_shared(const float* __restrict__ in, float* __restrict__ out, int n) {
  extern __shared__ float s[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  for (int k = threadIdx.x; k < blockDim.x + 2 * kRadius; k += blockDim.x) {
    int g = blockIdx.x * blockDim.x + k - kRadius;
    s[k] = (g >= 0 && g < n) ? in[g] : 0.f;
  }
  __syncthreads();
  if (i < n) out[i] = window_average(s, threadIdx.x + kRadius);
}
