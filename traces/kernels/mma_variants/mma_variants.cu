// Tensor-core shapes and types beyond f16: tf32 m16n8k4/k8, bf16 m16n8k16, f16 m16n8k8, s8/u8
// and s4 (IMMA), m8n8k4 f64 (DMMA) and b1 xor/and-popc at k128/k256 (BMMA). One warp; fragments
// come straight from global memory, so only the instruction forms matter, not the product.
extern "C" __global__ void mma_variants(const unsigned* __restrict__ a, const double* __restrict__ da,
                                        float* __restrict__ f, int* __restrict__ s, double* __restrict__ d) {
  int lane = threadIdx.x % 32;
  const unsigned* p = a + lane * 4;
  unsigned a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3], b0 = p[128], b1 = p[129];
  float c[4] = {0.f, 0.f, 0.f, 0.f};
  asm volatile("mma.sync.aligned.m16n8k8.row.col.f32.tf32.tf32.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
               : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
               : "r"(a3), "r"(a2), "r"(a1), "r"(a0), "r"(b1), "r"(b0));
  int q[4] = {0, 0, 0, 0};
  asm volatile("mma.sync.aligned.m16n8k32.row.col.satfinite.s32.s8.s8.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3])
               : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  asm volatile("mma.sync.aligned.m16n8k32.row.col.s32.u8.s8.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3])
               : "r"(a1), "r"(a0), "r"(a3), "r"(a2), "r"(b1), "r"(b0));
  asm volatile("mma.sync.aligned.m16n8k256.row.col.s32.b1.b1.s32.xor.popc {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3])
               : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
  asm volatile("mma.sync.aligned.m16n8k256.row.col.s32.b1.b1.s32.and.popc {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3])
               : "r"(a3), "r"(a1), "r"(a2), "r"(a0), "r"(b0), "r"(b1));
  asm volatile("mma.sync.aligned.m16n8k4.row.col.f32.tf32.tf32.f32 {%0,%1,%2,%3}, {%4,%5}, {%6}, {%0,%1,%2,%3};"
               : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3]) : "r"(a2), "r"(a0), "r"(b1));
  unsigned h[2] = {a0, a1};
  asm volatile("mma.sync.aligned.m16n8k8.row.col.f16.f16.f16.f16 {%0,%1}, {%2,%3}, {%4}, {%0,%1};"
               : "+r"(h[0]), "+r"(h[1]) : "r"(a2), "r"(a3), "r"(b0));
  asm volatile("mma.sync.aligned.m16n8k64.row.col.s32.s4.s4.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3])
               : "r"(a1), "r"(a2), "r"(a3), "r"(a0), "r"(b0), "r"(b1));
  asm volatile("mma.sync.aligned.m16n8k16.row.col.s32.s8.s8.s32 {%0,%1,%2,%3}, {%4,%5}, {%6}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3]) : "r"(a3), "r"(a1), "r"(b1));
  asm volatile("mma.sync.aligned.m16n8k128.row.col.s32.b1.b1.s32.and.popc {%0,%1,%2,%3}, {%4,%5}, {%6}, {%0,%1,%2,%3};"
               : "+r"(q[0]), "+r"(q[1]), "+r"(q[2]), "+r"(q[3]) : "r"(a0), "r"(a3), "r"(b0));
  int z[2] = {q[2], q[3]};
  asm volatile("mma.sync.aligned.m8n8k128.row.col.s32.b1.b1.s32.and.popc {%0,%1}, {%2}, {%3}, {%0,%1};"
               : "+r"(z[0]), "+r"(z[1]) : "r"(a1), "r"(b1));
  double e[2] = {0.0, 0.0};
  asm volatile("mma.sync.aligned.m8n8k4.row.col.f64.f64.f64.f64 {%0,%1}, {%2}, {%3}, {%0,%1};"
               : "+d"(e[0]), "+d"(e[1]) : "d"(da[lane]), "d"(da[32 + lane]));
  int w;
  asm volatile("mma.sync.aligned.m8n8k16.row.col.s32.s8.s8.s32 {%0,%1}, {%2}, {%3}, {%4,%5};"
               : "=r"(w), "=r"(q[3]) : "r"(a2), "r"(b1), "r"(q[0]), "r"(q[1]));
  for (int j = 0; j < 4; ++j) {
    f[lane * 4 + j] = c[j];
    s[lane * 4 + j] = q[j] + w + z[j & 1] + static_cast<int>(h[j & 1]);
  }
  d[lane * 2] = e[0];
  d[lane * 2 + 1] = e[1];
}
