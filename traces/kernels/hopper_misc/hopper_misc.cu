// sassim-archs: sm_90
// Hopper odds and ends: cluster special registers, programmatic dependent launch
// (griddepcontrol), elect.sync, an mbarrier phase wait, fence.proxy.async, a bulk reduction from
// shared to global (cp.reduce.async.bulk), stmatrix x1 and x4.trans (STSM) and DPX min/max.
extern "C" __global__ void __cluster_dims__(2, 1, 1) hopper_misc(const int* __restrict__ in, int* __restrict__ out,
                                                                 int* __restrict__ sums) {
  __shared__ __align__(128) int buf[64];
  __shared__ __align__(16) unsigned short tile[8][8];
  __shared__ __align__(8) unsigned long long bar;
  asm volatile("griddepcontrol.wait;" ::: "memory");
  unsigned rank, nctas, cid;
  asm("mov.u32 %0, %%cluster_ctarank;" : "=r"(rank));
  asm("mov.u32 %0, %%cluster_nctarank;" : "=r"(nctas));
  asm("mov.u32 %0, %%clusterid.x;" : "=r"(cid));
  int t = threadIdx.x;
  int v = in[blockIdx.x * blockDim.x + t];
  buf[t] = v;
  unsigned bar_addr = static_cast<unsigned>(__cvta_generic_to_shared(&bar));
  unsigned leader;
  asm volatile("{\n.reg .pred p;\nelect.sync _|p, 0xffffffff;\nselp.u32 %0, 1, 0, p;\n}" : "=r"(leader));
  if (t == 0) asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;" ::"r"(bar_addr), "r"(64));
  __syncthreads();
  asm volatile("mbarrier.arrive.shared::cta.b64 _, [%0];" ::"r"(bar_addr) : "memory");
  asm volatile("{\n.reg .pred done;\nw:\nmbarrier.try_wait.parity.shared::cta.b64 done, [%0], 0;\n@!done bra w;\n}"
               ::"r"(bar_addr) : "memory");
  asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
  if (t == 0) {
    unsigned src = static_cast<unsigned>(__cvta_generic_to_shared(buf));
    asm volatile("cp.reduce.async.bulk.global.shared::cta.bulk_group.add.s32 [%0], [%1], 256;"
                 ::"l"(sums), "r"(src) : "memory");
    asm volatile("cp.async.bulk.commit_group;" ::: "memory");
    asm volatile("cp.async.bulk.wait_group.read 0;" ::: "memory");
  }
  if (t < 32) {
    unsigned addr = static_cast<unsigned>(__cvta_generic_to_shared(&tile[t % 8][0]));
    asm volatile("stmatrix.sync.aligned.m8n8.x1.shared.b16 [%0], {%1};" ::"r"(addr), "r"(static_cast<unsigned>(v)) : "memory");
  }
  __syncwarp();
  if (t < 32) {
    unsigned addr4 = static_cast<unsigned>(__cvta_generic_to_shared(&buf[(t % 16) * 4]));
    unsigned u = static_cast<unsigned>(v);
    asm volatile("stmatrix.sync.aligned.m8n8.x4.trans.shared.b16 [%0], {%1, %2, %3, %4};"
                 ::"r"(addr4), "r"(u), "r"(u ^ 1u), "r"(u + 7u), "r"(u * 3u) : "memory");
  }
  __syncwarp();
  int m3 = __vimax3_s32(v, t, static_cast<int>(rank)) + __viaddmax_s32(v, 5, t) + __vimin_s32_relu(v, 9);
  unsigned hm = __vimax3_u16x2(static_cast<unsigned>(v), 0x00030004u, rank);
  asm volatile("griddepcontrol.launch_dependents;" ::: "memory");
  out[blockIdx.x * blockDim.x + t] = m3 + static_cast<int>(hm) + tile[t % 8][t / 8] + leader +
                                     static_cast<int>(nctas + cid);
}
