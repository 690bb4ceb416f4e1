// Atomic and reduction variants: f64 and half2 adds, exchange, 64-bit min/max/CAS, wrapping
// inc/dec, and/or/xor, shared-memory 64-bit atomics, and red.global.add.f32 without return.
#include <cuda_fp16.h>

extern "C" __global__ void atomics_mix(double* dsum, __half2* hsum, unsigned* ctr, unsigned long long* w,
                                       long long* smin, float* fsum, unsigned* prev, int n) {
  __shared__ unsigned long long s64[4];
  __shared__ float sf;
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (threadIdx.x < 4) s64[threadIdx.x] = 0;
  if (threadIdx.x == 0) sf = 0.f;
  __syncthreads();
  if (i < n) {
    atomicAdd(dsum, static_cast<double>(i) * 0.5);
    atomicAdd(hsum, __floats2half2_rn(1.0f, -0.5f));
    unsigned old = atomicExch(&ctr[0], static_cast<unsigned>(i));
    old += atomicInc(&ctr[1], 17u) + atomicDec(&ctr[2], 9u);
    old ^= atomicAnd(&ctr[3], ~(1u << (i & 31))) ^ atomicOr(&ctr[4], 1u << (i & 31)) ^ atomicXor(&ctr[5], i * 7u);
    atomicMax(&w[0], static_cast<unsigned long long>(i) << 33);
    atomicMin(&smin[0], -static_cast<long long>(i) * 3);
    atomicMax(&smin[1], static_cast<long long>(i) - 40);
    unsigned long long seen = atomicCAS(&w[1], static_cast<unsigned long long>(i), static_cast<unsigned long long>(i + 1));
    atomicAdd(&w[2], 1ull);
    asm volatile("red.global.add.f32 [%0], %1;" ::"l"(fsum), "f"(1.5f) : "memory");
    asm volatile("red.relaxed.gpu.global.max.s32 [%0], %1;" ::"l"(ctr + 6), "r"(i) : "memory");
    atomicAdd(&s64[i & 3], static_cast<unsigned long long>(i));
    atomicMax(&s64[(i + 1) & 3], static_cast<unsigned long long>(i) * 5);
    atomicCAS(&s64[(i + 2) & 3], 0ull, static_cast<unsigned long long>(i));
    atomicAdd(&sf, 0.25f);
    prev[i] = old + static_cast<unsigned>(seen);
  }
  __syncthreads();
  if (threadIdx.x < 4) atomicAdd(&w[3], s64[threadIdx.x]);
  if (threadIdx.x == 0) atomicAdd(fsum + 1, sf);
}
