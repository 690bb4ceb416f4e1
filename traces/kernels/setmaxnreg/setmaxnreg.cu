// sassim-archs: sm_90a
// Warp-specialised register reallocation (sm_90a): the producer warpgroup gives registers back
// with setmaxnreg.dec, the consumer warpgroup takes more with setmaxnreg.inc (USETMAXREG); ptxas
// honours it only when the launch bounds fix the register count at entry.
extern "C" __global__ void __launch_bounds__(256, 1) setmaxnreg(const float* __restrict__ in, float* __restrict__ out) {
  __shared__ float stage[128];
  int t = threadIdx.x;
  if (t < 128) {
    asm volatile("setmaxnreg.dec.sync.aligned.u32 40;");
    stage[t] = in[blockIdx.x * 128 + t] * 2.0f;
  } else {
    asm volatile("setmaxnreg.inc.sync.aligned.u32 232;");
  }
  __syncthreads();
  if (t >= 128) {
    float acc = 0.f;
    for (int j = 0; j < 16; ++j) acc = fmaf(stage[(t + j) % 128], 0.5f, acc);
    out[blockIdx.x * 128 + t - 128] = acc;
  }
}
