// Warp-level collectives on sm_80+: ballot/any/all (VOTE), match-any (MATCH), integer reduce
// (REDUX), butterfly shuffle (SHFL.BFLY), and one per-warp result row of six words.
extern "C" __global__ void warp_collectives(const unsigned* __restrict__ in, unsigned* __restrict__ out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  unsigned v = in[i];
  const unsigned all = 0xffffffffu;
  unsigned ballot = __ballot_sync(all, v & 1u);
  unsigned any = __any_sync(all, v > 1000u);
  unsigned every = __all_sync(all, v != 0u);
  unsigned peers = __match_any_sync(all, v % 4u);
  unsigned sum = __reduce_add_sync(all, v);
  unsigned mx = __reduce_max_sync(all, v);
  unsigned x = v;
  for (int off = 1; off < 32; off <<= 1) x ^= __shfl_xor_sync(all, x, off);
  if (i % 32 == 0) {
    unsigned* row = out + (i / 32) * 6;
    row[0] = ballot;
    row[1] = any | (every << 1);
    row[2] = __popc(peers);
    row[3] = sum;
    row[4] = mx;
    row[5] = x;
  }
}
