// sassim-archs: sm_90
// Hopper bulk asynchronous copy: one thread per block starts a 1-D cp.async.bulk of 4 KiB from
// global into shared memory, completion is tracked by a shared-memory mbarrier (transaction
// count), every thread waits on the barrier's phase, then scales its elements and stores them.
constexpr int kFloats = 1024;  // per block; 4096 bytes

extern "C" __global__ void bulk_copy(const float* __restrict__ in, float* __restrict__ out, float scale) {
  __shared__ __align__(128) float buf[kFloats];
  __shared__ __align__(8) unsigned long long bar;
  unsigned bar_addr = static_cast<unsigned>(__cvta_generic_to_shared(&bar));
  if (threadIdx.x == 0) {
    asm volatile("mbarrier.init.shared::cta.b64 [%0], 1;" ::"r"(bar_addr));
    asm volatile("fence.mbarrier_init.release.cluster;" ::: "memory");
  }
  __syncthreads();
  const float* src = in + static_cast<long long>(blockIdx.x) * kFloats;
  if (threadIdx.x == 0) {
    unsigned dst = static_cast<unsigned>(__cvta_generic_to_shared(buf));
    asm volatile("mbarrier.arrive.expect_tx.shared::cta.b64 _, [%0], %1;"
                 ::"r"(bar_addr), "r"(kFloats * 4) : "memory");
    asm volatile(
        "cp.async.bulk.shared::cluster.global.mbarrier::complete_tx::bytes [%0], [%1], %2, [%3];"
        ::"r"(dst), "l"(src), "r"(kFloats * 4), "r"(bar_addr) : "memory");
  }
  // Phase 0 completes when the arrival and all 4096 bytes have landed.
  asm volatile(
      "{\n.reg .pred done;\nwait:\n"
      "mbarrier.try_wait.parity.shared::cta.b64 done, [%0], 0;\n"
      "@!done bra wait;\n}" ::"r"(bar_addr) : "memory");
  for (int i = threadIdx.x; i < kFloats; i += blockDim.x) {
    out[static_cast<long long>(blockIdx.x) * kFloats + i] = buf[i] * scale;
  }
}
