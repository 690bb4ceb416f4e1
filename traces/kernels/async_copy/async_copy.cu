// Double-buffered block sum with asynchronous global->shared copies (cp.async = LDGSTS, commit =
// LDGDEPBAR, wait = DEPBAR.LE): while one 16-byte-per-thread chunk is summed, the next is in flight.
// Each block sums `chunks` consecutive chunks of blockDim.x * 4 floats and writes one result.
extern "C" __global__ void async_copy(const float* __restrict__ in, float* __restrict__ out,
                                      int chunks) {
  extern __shared__ __align__(16) float buf[];  // 2 * blockDim.x * 4 floats
  const int per = blockDim.x * 4;
  const float* base = in + static_cast<long long>(blockIdx.x) * chunks * per;
  float acc = 0.f;
  auto issue = [&](int chunk, int slot) {
    unsigned dst = static_cast<unsigned>(
        __cvta_generic_to_shared(&buf[slot * per + threadIdx.x * 4]));
    const float* src = base + chunk * per + threadIdx.x * 4;
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16;" ::"r"(dst), "l"(src));
    asm volatile("cp.async.commit_group;");
  };
  issue(0, 0);
  for (int c = 0; c < chunks; ++c) {
    if (c + 1 < chunks) {
      issue(c + 1, (c + 1) % 2);
      asm volatile("cp.async.wait_group 1;");
    } else {
      asm volatile("cp.async.wait_group 0;");
    }
    __syncthreads();
    const float* s = &buf[(c % 2) * per];
    for (int j = threadIdx.x; j < per; j += blockDim.x) acc += s[j];
    __syncthreads();
  }
  __shared__ float warp_sums[32];
  for (int off = 16; off > 0; off >>= 1) acc += __shfl_xor_sync(0xffffffffu, acc, off);
  if (threadIdx.x % 32 == 0) warp_sums[threadIdx.x / 32] = acc;
  __syncthreads();
  if (threadIdx.x == 0) {
    float t = 0.f;
    for (int w = 0; w < blockDim.x / 32; ++w) t += warp_sums[w];
    out[blockIdx.x] = t;
  }
}
