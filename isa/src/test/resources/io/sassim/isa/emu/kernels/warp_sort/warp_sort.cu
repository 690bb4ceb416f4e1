// Emulator test beyond the corpus: each warp sorts 32 keys with a bitonic network of XOR
// shuffles, then every lane finds its key's first occurrence with a ballot and __ffs, and
// counts the keys below it with __popc.
extern "C" __global__ void warp_sort(const int* __restrict__ in, int* __restrict__ sorted,
                                     int* __restrict__ first, int* __restrict__ below) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int lane = threadIdx.x & 31;
  int v = in[i];
  for (int k = 2; k <= 32; k <<= 1) {
    for (int j = k >> 1; j > 0; j >>= 1) {
      int other = __shfl_xor_sync(0xffffffffu, v, j);
      bool up = (lane & k) == 0;
      bool lower = (lane & j) == 0;
      v = (lower == up) ? min(v, other) : max(v, other);
    }
  }
  sorted[i] = v;
  unsigned same = __match_any_sync(0xffffffffu, v);
  first[i] = __ffs(same) - 1;
  unsigned less = __ballot_sync(0xffffffffu, v < __shfl_sync(0xffffffffu, v, 31 - lane));
  below[i] = __popc(less);
}
