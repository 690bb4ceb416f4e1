// CTA barrier forms: __syncthreads_count/_and/_or (BAR.RED.POPC/AND/OR), a named barrier for the
// first two warps (bar.sync 1, 64), a producer/consumer pair on barrier 2 (barrier.arrive then
// barrier.sync), and a barrier with a per-warp thread count.
extern "C" __global__ void barrier_variants(const int* __restrict__ in, int* __restrict__ out) {
  __shared__ int buf[128];
  int t = threadIdx.x;
  int v = in[blockIdx.x * blockDim.x + t];
  int cnt = __syncthreads_count(v > 0);
  int all = __syncthreads_and(v != 7);
  int any = __syncthreads_or(v == 3);
  if (t < 64) {
    buf[t] = v * 2;
    asm volatile("bar.sync 1, 64;" ::: "memory");
    v += buf[63 - t];
  }
  if (t >= 64) {
    buf[t] = v + 1;
    asm volatile("barrier.arrive 2, 128;" ::: "memory");
  } else {
    asm volatile("barrier.sync 2, 128;" ::: "memory");
    v += buf[64 + t];
  }
  asm volatile("{\n.reg .pred p;\nsetp.ne.u32 p, %2, 0;\nbar.red.popc.u32 %0, 3, %1, p;\n}"
               : "=r"(cnt) : "r"(128), "r"(v & 1) : "memory");
  out[blockIdx.x * blockDim.x + t] = v + cnt + all + any;
}
