// One level-synchronous BFS step over a CSR graph: a thread per frontier vertex walks its edges
// and claims each unvisited neighbour with atomicCAS on levels[] (-1 = unvisited); the winner
// appends it to next_frontier through an atomicAdd on next_count. Irregular gathers, divergent
// per-edge branches and contended global atomics (ATOMG.CAS, ATOMG.ADD or its warp-aggregated form).
extern "C" __global__ void bfs_step(const int* __restrict__ row_ptr, const int* __restrict__ col_idx,
                                    const int* __restrict__ frontier, int frontier_size,
                                    int* levels, int level, int* __restrict__ next_frontier,
                                    int* __restrict__ next_count) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= frontier_size) return;
  int v = frontier[t];
  for (int e = row_ptr[v]; e < row_ptr[v + 1]; ++e) {
    int u = col_idx[e];
    if (levels[u] != -1) continue;  // cheap check before the atomic
    if (atomicCAS(&levels[u], -1, level + 1) == -1) {
      int slot = atomicAdd(next_count, 1);
      next_frontier[slot] = u;
    }
  }
}
