// Warp-level and special-register forms: __activemask, %lanemask_lt, %smid/%warpid/%nsmid,
// %dynamic_smem_size, REDUX add/min, __match_all_sync, width-limited shuffles, cooperative-groups
// tiles, __nanosleep, and a __trap() on bad input (BPT).
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;

extern "C" __global__ void warp_intrinsics(const int* __restrict__ in, int* __restrict__ out, int n) {
  extern __shared__ int dyn[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int v = i < n ? in[i] : 0;
  if (v == 0x7fffffff) __trap();
  unsigned active = __activemask();
  unsigned lt, smid, warpid, nsmid, dsmem;
  asm volatile("mov.u32 %0, %%lanemask_lt;" : "=r"(lt));
  asm volatile("mov.u32 %0, %%smid;" : "=r"(smid));
  asm volatile("mov.u32 %0, %%warpid;" : "=r"(warpid));
  asm volatile("mov.u32 %0, %%nsmid;" : "=r"(nsmid));
  asm volatile("mov.u32 %0, %%dynamic_smem_size;" : "=r"(dsmem));
  int sum = __reduce_add_sync(0xffffffffu, v);
  int mn = __reduce_min_sync(0xffffffffu, v);
  unsigned mx = __reduce_max_sync(0xffffffffu, static_cast<unsigned>(v));
  int pred;
  unsigned same = __match_all_sync(0xffffffffu, v & 1, &pred);
  int nb = __shfl_sync(0xffffffffu, v, threadIdx.x + 1, 8) + __shfl_xor_sync(0xffffffffu, v, 2, 16);
  cg::thread_block_tile<4> tile = cg::tiled_partition<4>(cg::this_thread_block());
  int tsum = cg::reduce(tile, v, cg::plus<int>());
  int tany = tile.any(v > 100) + tile.shfl_down(v, 1);
  dyn[threadIdx.x] = v;
  __syncthreads();
  __nanosleep(100);
  int other = dyn[(threadIdx.x + 5) % blockDim.x];
  if (i < n)
    out[i] = sum + mn + static_cast<int>(mx) + static_cast<int>(same) + pred + nb + tsum + tany + other +
             __popc(lt & active) + static_cast<int>((smid + warpid + nsmid + dsmem) & 1);
}
