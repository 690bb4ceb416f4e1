// sassim-archs: sm_90
// Hopper thread-block clusters of two blocks: each block fills its shared array, the cluster
// synchronizes (cluster barrier arrive/wait), then every thread reads the partner block's shared
// memory through distributed shared memory (mapa + shared::cluster loads) and writes the sum.
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

constexpr int kThreads = 256;

extern "C" __global__ void __cluster_dims__(2, 1, 1)
cluster_exchange(const int* __restrict__ in, int* __restrict__ out) {
  __shared__ int mine[kThreads];
  cg::cluster_group cluster = cg::this_cluster();
  int i = blockIdx.x * kThreads + threadIdx.x;
  mine[threadIdx.x] = in[i];
  cluster.sync();
  unsigned partner = cluster.block_rank() ^ 1u;
  int* theirs = cluster.map_shared_rank(mine, partner);
  int v = theirs[(threadIdx.x + 1) % kThreads];
  // Keep the partner's shared memory alive until every read of it has finished.
  cluster.sync();
  out[i] = mine[threadIdx.x] + v;
}
